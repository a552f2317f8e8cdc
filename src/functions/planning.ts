import { isBlank } from '../core/common/cell.ts';
import { type ArgRef, InputError, inputError } from '../core/common/errors.ts';
import {
  ceilCount,
  optionalShare,
  readNumber,
  requireNonNegative,
  requireNumber,
  requirePositive,
  requireRate,
} from '../core/common/numbers.ts';
import { REP_ROUNDINGS, type RepRounding, repsNeeded, weekly } from '../core/plan/capacity.ts';
import {
  backwardsFunnel,
  customersNeeded,
  FUNNEL_STAGES,
  leadsGoal,
  mqlNeeded,
} from '../core/plan/funnel.ts';
import { spread } from '../core/plan/spread.ts';
import type { CustomFunctionDef } from './types.ts';

const ref = (fn: string, arg: string): ArgRef => ({ fn, arg });

let lastRates: { value: unknown; steps: number; rates: number[] } | null = null;

/**
 * One rate used for every step, or exactly one rate per step. A column call passes the same
 * rates for every row: the last answer is kept so they are read once, not once per row.
 */
function stageRates(value: unknown, steps: number, fn: string): number[] {
  if (lastRates && lastRates.value === value && lastRates.steps === steps) return lastRates.rates;
  const rates = readStageRates(value, steps, fn);
  lastRates = { value, steps, rates };
  return rates;
}

function readStageRates(value: unknown, steps: number, fn: string): number[] {
  const list = (Array.isArray(value) ? value : [value]).filter((v) => !isBlank(v));
  const r = ref(fn, 'stage_rates');
  if (list.length === 0)
    throw new InputError({
      ...r,
      problem: 'is required',
      fix: `enter one rate such as 50%, or ${steps} rates`,
    });
  if (list.length !== 1 && list.length !== steps) {
    throw new InputError({
      ...r,
      problem: `must be one rate or ${steps} rates`,
      received: String(list.length),
      fix: 'give one rate for every step, or one per step in funnel order',
    });
  }
  const rates = list.map((v) => requireRate(v, r));
  return rates.length === 1 ? Array(steps).fill(rates[0]) : rates;
}

const revenueGoal = {
  name: 'revenue_goal',
  description: 'Revenue to reach over the period, e.g. 100000.',
};
const averageDeal = {
  name: 'average_deal',
  description: 'Average revenue of one deal, e.g. 1000.',
};
const marketingShare = {
  name: 'marketing_share',
  description:
    'Optional. Share of the revenue marketing must source, as a percentage (default 100%).',
  optional: true,
};

export const SLA_CUSTOMERS_NEEDED: CustomFunctionDef = {
  name: 'SLA_CUSTOMERS_NEEDED',
  description: 'Customers to sign to reach a revenue goal (rounded up).',
  returns: 'customers to sign, a whole number rounded up',
  example: 'SLA_CUSTOMERS_NEEDED(100000, 1000)',
  params: [revenueGoal, averageDeal, marketingShare],
  compute([goal, deal, share]) {
    const fn = 'SLA_CUSTOMERS_NEEDED';
    return customersNeeded(
      requirePositive(goal, ref(fn, 'revenue_goal')),
      requirePositive(deal, ref(fn, 'average_deal')),
      optionalShare(share, ref(fn, 'marketing_share')),
    );
  },
};

export const SLA_MQL_NEEDED: CustomFunctionDef = {
  name: 'SLA_MQL_NEEDED',
  description: 'MQL marketing must deliver to reach a revenue goal (rounded up).',
  returns: 'MQL needed, a whole number',
  example: 'SLA_MQL_NEEDED(100000, 1000, 50%)',
  params: [
    revenueGoal,
    averageDeal,
    {
      name: 'stage_rates',
      description:
        'One rate for MQL→SQL, SQL→opportunity and opportunity→customer, or three rates in that order.',
      list: true,
    },
    marketingShare,
  ],
  compute([goal, deal, rates, share]) {
    const fn = 'SLA_MQL_NEEDED';
    return mqlNeeded(
      requirePositive(goal, ref(fn, 'revenue_goal')),
      requirePositive(deal, ref(fn, 'average_deal')),
      stageRates(rates, 3, fn) as [number, number, number],
      optionalShare(share, ref(fn, 'marketing_share')),
    );
  },
};

export const SLA_FUNNEL: CustomFunctionDef = {
  name: 'SLA_FUNNEL',
  description:
    'The whole funnel, backwards from revenue: contacts, leads, MQL, SQL, opportunities, customers.',
  returns:
    'a table with a header row Stage, Needed and one row per stage; with column ranges, one row of six counts per input row',
  example: 'SLA_FUNNEL(100000, 1000, 50%)',
  params: [
    revenueGoal,
    averageDeal,
    {
      name: 'stage_rates',
      description:
        'One rate for all five steps, or five rates: contact→lead, lead→MQL, MQL→SQL, SQL→opportunity, opportunity→customer.',
      list: true,
    },
    marketingShare,
  ],
  formatSingle: (counts) => [
    ['Stage', 'Needed'],
    ...FUNNEL_STAGES.map((s, i) => [s, (counts as number[])[i]]),
  ],
  compute([goal, deal, rates, share]) {
    const fn = 'SLA_FUNNEL';
    const customers = customersNeeded(
      requirePositive(goal, ref(fn, 'revenue_goal')),
      requirePositive(deal, ref(fn, 'average_deal')),
      optionalShare(share, ref(fn, 'marketing_share')),
    );
    return backwardsFunnel(customers, stageRates(rates, 5, fn));
  },
};

export const SLA_LEADS_GOAL: CustomFunctionDef = {
  name: 'SLA_LEADS_GOAL',
  description:
    'The "4 metrics" lead goal: revenue goal × marketing share ÷ average price ÷ close rate.',
  returns: 'leads needed, rounded up',
  example: 'SLA_LEADS_GOAL(100000, 60%, 1000, 10%)',
  params: [
    revenueGoal,
    {
      name: 'marketing_share',
      description: 'Share of the revenue that comes from marketing, e.g. 60%.',
    },
    { name: 'average_price', description: 'Average sales price of one deal.' },
    { name: 'close_rate', description: 'Lead-to-customer close rate, e.g. 10%.' },
  ],
  compute([goal, share, price, close]) {
    const fn = 'SLA_LEADS_GOAL';
    return leadsGoal(
      requirePositive(goal, ref(fn, 'revenue_goal')),
      requireRate(share, ref(fn, 'marketing_share')),
      requirePositive(price, ref(fn, 'average_price')),
      requireRate(close, ref(fn, 'close_rate')),
    );
  },
};

export const SLA_REPS: CustomFunctionDef = {
  name: 'SLA_REPS',
  description: 'Sales reps needed to work the MQL: MQL ÷ working weeks ÷ MQL one rep works a week.',
  returns: 'reps needed (fractional FTE unless rounding is "up" or "nearest")',
  example: 'SLA_REPS(800, 47, 8, "up")',
  params: [
    { name: 'mql', description: 'MQL to work over the year.' },
    { name: 'working_weeks', description: 'Working weeks in the year, e.g. 47.' },
    { name: 'mql_per_rep_per_week', description: 'MQL one rep can work in a week, e.g. 8.' },
    {
      name: 'rounding',
      description: 'Optional. "none" (default, fractional FTE), "up" or "nearest".',
      optional: true,
      type: 'string',
    },
  ],
  compute([mql, weeks, perRep, rounding]) {
    const fn = 'SLA_REPS';
    return repsNeeded(
      requireNonNegative(mql, ref(fn, 'mql')),
      requirePositive(weeks, ref(fn, 'working_weeks')),
      requirePositive(perRep, ref(fn, 'mql_per_rep_per_week')),
      readRounding(rounding),
    );
  },
};

function readRounding(value: unknown): RepRounding {
  if (isBlank(value)) return 'none';
  const word = String(value).trim().toLowerCase();
  if ((REP_ROUNDINGS as readonly string[]).includes(word)) return word as RepRounding;
  throw inputError(ref('SLA_REPS', 'rounding'), 'must be "none", "up" or "nearest"', value);
}

export const SLA_WEEKLY: CustomFunctionDef = {
  name: 'SLA_WEEKLY',
  description: 'The weekly rate of a yearly total (not rounded).',
  returns: 'total ÷ working weeks',
  example: 'SLA_WEEKLY(800, 47)',
  params: [
    { name: 'total', description: 'The yearly total, e.g. 800 MQL.' },
    { name: 'working_weeks', description: 'Working weeks in the year, e.g. 47.' },
  ],
  compute([total, weeks]) {
    const fn = 'SLA_WEEKLY';
    return weekly(
      requireNumber(total, ref(fn, 'total')),
      requirePositive(weeks, ref(fn, 'working_weeks')),
    );
  },
};

export const SLA_SPREAD: CustomFunctionDef = {
  name: 'SLA_SPREAD',
  description:
    'Splits a total over seasonality weights into whole numbers that add up exactly to the total.',
  returns: 'whole numbers, same shape as weights, adding up to total (largest-remainder rounding)',
  example: 'SLA_SPREAD(800, B2:M2)',
  params: [
    { name: 'total', description: 'The whole number to split, e.g. 800 MQL.' },
    {
      name: 'weights',
      description: 'A row or column of weights, e.g. 12 monthly weights.',
      list: true,
    },
  ],
  resultShapeOf: 1,
  compute([totalValue, weightsValue]) {
    const fn = 'SLA_SPREAD';
    const t = requireNonNegative(totalValue, ref(fn, 'total'));
    const total = ceilCount(t);
    if (Math.abs(total - t) > 1e-6 * Math.max(1, t)) {
      throw inputError(
        ref(fn, 'total'),
        'must be a whole number',
        totalValue,
        'round it first, e.g. ROUNDUP(total)',
      );
    }
    const raw = Array.isArray(weightsValue) ? weightsValue : [weightsValue];
    if (raw.length === 0)
      throw new InputError({
        ...ref(fn, 'weights'),
        problem: 'is required',
        fix: 'give a row or column of weights',
      });
    const weights = raw.map((w) => {
      const read = readNumber(w);
      if (read.kind === 'blank') return 0;
      if (read.kind === 'bad') throw inputError(ref(fn, 'weights'), read.problem, w, read.fix);
      if (read.value < 0) throw inputError(ref(fn, 'weights'), 'must be 0 or more', w);
      return read.value;
    });
    if (!weights.some((w) => w > 0)) {
      throw new InputError({
        ...ref(fn, 'weights'),
        problem: 'must have at least one weight above 0',
        received: 'all zero or blank',
      });
    }
    return spread(total, weights);
  },
};

export const PLANNING_FUNCTIONS = [
  SLA_CUSTOMERS_NEEDED,
  SLA_MQL_NEEDED,
  SLA_FUNNEL,
  SLA_LEADS_GOAL,
  SLA_REPS,
  SLA_WEEKLY,
  SLA_SPREAD,
];
