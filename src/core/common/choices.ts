/** The fixed choices some settings take, shared by the schema, the sidebar and the core. */

export const PRIORITIES = ['Hot', 'Warm', 'Cold'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const OPERATORS = [
  'equals',
  'oneOf',
  'contains',
  'atLeast',
  'atMost',
  'between',
  'isBlank',
  'notBlank',
  'withinDays',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const MONITORING_FREQUENCIES = [5, 10, 15, 30, 60] as const;

/** What counts as the first contact: the first attempt (default) or the first conversation. */
export const FIRST_CONTACT_RULES = ['attempt', 'conversation'] as const;
export type FirstContactRule = (typeof FIRST_CONTACT_RULES)[number];
