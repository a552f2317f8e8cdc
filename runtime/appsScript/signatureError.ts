/** The error Apps Script throws when a method is called with arguments of the wrong types. */
import { isDate } from './format.ts';

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length > 0 ? `${typeName(v[0])}[]` : 'Object[]';
  if (isDate(v)) return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'object') return 'Object';
  return typeof v;
}

export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}
