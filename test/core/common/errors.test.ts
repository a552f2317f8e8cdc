import { describe, expect, it } from 'vitest';
import { errorText, InputError, inputError } from '../../../src/core/common/errors.ts';

describe('InputError', () => {
  const error = new InputError({
    fn: 'SLA_REPS',
    arg: 'mql_per_rep_per_week',
    problem: 'must be above 0',
    received: '0',
  });

  it('builds its message from its parts', () => {
    expect(error.message).toBe('SLA_REPS: mql_per_rep_per_week must be above 0 (got 0)');
  });

  it('keeps its parts', () => {
    expect(error).toMatchObject({
      fn: 'SLA_REPS',
      arg: 'mql_per_rep_per_week',
      problem: 'must be above 0',
      received: '0',
    });
    expect(error.fix).toBeUndefined();
  });

  it('is an Error named InputError', () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
  });

  it('ends with the fix when there is one', () => {
    const e = new InputError({ fn: 'F', arg: 'x', problem: 'is required', fix: 'enter a number' });
    expect(e.message).toBe('F: x is required: enter a number');
  });

  it('shows both the value received and the fix', () => {
    const e = new InputError({
      fn: 'F',
      arg: 'rates',
      problem: 'must be one rate or 5 rates',
      received: '3',
      fix: 'give one rate for every step',
    });
    expect(e.message).toBe(
      'F: rates must be one rate or 5 rates (got 3): give one rate for every step',
    );
  });
});

describe('inputError', () => {
  const ref = { fn: 'SLA_WEEKLY', arg: 'working_weeks' };

  it('shows the received cell value as the user typed it', () => {
    expect(inputError(ref, 'must be a number', 'abc', 'enter a number').message).toBe(
      'SLA_WEEKLY: working_weeks must be a number (got "abc"): enter a number',
    );
  });

  it('says blank for an empty cell and leaves out a missing fix', () => {
    const e = inputError(ref, 'is required', '');
    expect(e.message).toBe('SLA_WEEKLY: working_weeks is required (got blank)');
    expect(e.received).toBe('blank');
    expect(e.fix).toBeUndefined();
  });
});

describe('errorText', () => {
  it('is the message of an Error, without its name', () => {
    expect(errorText(new TypeError('bad input'))).toBe('bad input');
  });

  it('reads the message of an error-like object from another realm', () => {
    expect(errorText({ message: 'from the server' })).toBe('from the server');
  });

  it('is the text of anything else', () => {
    expect(errorText('plain')).toBe('plain');
    expect(errorText(null)).toBe('null');
  });
});
