import { LEAD_HEADERS } from './leadColumns.ts';

/**
 * The SLA fields a leads sheet can feed: their ids and canonical labels (the field map,
 * fieldMap.ts, finds their columns): the public headers, plus what CRM exports carry.
 */
export const FIELD_LABELS = {
  ...LEAD_HEADERS,
  /** A second status column (HubSpot's `Lead Status` beside `Lifecycle Stage`). */
  leadStatus: 'Lead status',
  firstName: 'First name',
  lastName: 'Last name',
  /** Time from the clock start to the first contact (HubSpot's `Lead response time`). */
  responseTime: 'Response time',
  /** A phone number: where to call the lead (listed in the notices), a field the agreement may require. */
  phone: 'Phone',
} as const;

export type FieldId = keyof typeof FIELD_LABELS;
export const FIELD_IDS = Object.keys(FIELD_LABELS) as FieldId[];

export const DATE_FIELDS = [
  'createdAt',
  'mqlAt',
  'handedOffAt',
  'firstContactAt',
  'lastAttemptAt',
  'wonAt',
] as const satisfies readonly FieldId[];
export type DateField = (typeof DATE_FIELDS)[number];

/** The fields that can start the SLA clock, in the default order of preference. */
export const CLOCK_FIELDS = ['handedOffAt', 'mqlAt', 'createdAt'] as const satisfies DateField[];
export type ClockField = (typeof CLOCK_FIELDS)[number];
