import type { LateContact } from './speedToLead.ts';

/**
 * The keys of the one classification (classify.ts): what a lead can add to a month's figures.
 * A new figure is one more key here, one line in `classifyLead`, one KPI entry (kpis.ts).
 */

/** What a lead can be counted as in a month. */
export const COUNTS = [
  /** Created in the month (`Created at` in M). */
  'created',
  /** Of the created, the furthest stage reached on evidence (funnel rows). */
  'reachedMql',
  'reachedSql',
  'reachedOpportunity',
  'reachedCustomer',
  /** MQL delivered (`MQL at` in M). */
  'mql',
  /** Of the month's MQL, those that reached opportunity (the observed MQL→opportunity rate). */
  'mqlToOpportunity',
  /** Handed off (the SLA clock started in M). */
  'handedOff',
  /** Of the hand-offs: rejected by sales (stage Rejected or a reason), recycled to marketing. */
  'rejected',
  'recycled',
  /** Of the hand-offs, the first-contact outcome: exactly one of these six. */
  'onTime',
  'late',
  'never',
  'pending',
  'untimed',
  'closed',
  /** Of the hand-offs, those whose attempts could be read (the average's base). */
  'attemptsRead',
  /** Deals won (`Won at` in M), and those marketing-sourced. */
  'won',
  'marketingWon',
  /** Of the hand-offs, those lacking a value the agreement requires (keyed: `missingField`). */
  'missingData',
  /** Returned to marketing in M (its last attempt, else its clock start), and for an agreed reason. */
  'returned',
  'returnedAgreed',
] as const;
export type CountId = (typeof COUNTS)[number];

export const SUMS = ['attempts', 'wonValue', 'marketingValue'] as const;
export type SumId = (typeof SUMS)[number];

/** Values whose median or percentile the review shows. */
export const SAMPLES = ['hoursToContact', 'daysMqlToCustomer'] as const;
export type SampleId = (typeof SAMPLES)[number];

/**
 * Counts by a name the settings give: the required values the month's hand-offs lack (one per
 * value lacking), the month's logged attempts by contact channel (one per attempt).
 */
export const KEYED = ['missingField', 'channel'] as const;
export type KeyedId = (typeof KEYED)[number];

/** What one lead adds to one month's figures. */
export interface LeadMonth {
  counts: CountId[];
  /** Absent when the lead adds no keyed count (most leads). */
  keyed?: Partial<Record<KeyedId, readonly string[]>>;
  sums: Partial<Record<SumId, number>>;
  samples: Partial<Record<SampleId, number>>;
  /** For the speed-to-lead estimate: contacted late, or never contacted once the deadline passed. */
  late: LateContact | null;
}
