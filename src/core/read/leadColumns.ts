/** The `Leads` sheet's canonical headers (public contract). */
export const LEAD_HEADERS = {
  leadId: 'Lead ID',
  name: 'Name',
  company: 'Company',
  email: 'Email',
  source: 'Source',
  owner: 'Owner',
  priority: 'Priority',
  stage: 'Stage',
  createdAt: 'Created at',
  mqlAt: 'MQL at',
  handedOffAt: 'Handed off at',
  firstContactAt: 'First contact at',
  attempts: 'Attempts',
  lastAttemptAt: 'Last attempt at',
  rejectedReason: 'Rejected reason',
  wonAt: 'Won at',
  dealValue: 'Deal value',
} as const;

/** Scoring attributes the default criteria read. */
export const SCORING_ATTRIBUTE_HEADERS = [
  'Job title',
  'Company size',
  'Industry',
  'Country',
  'Demo request',
  'Pricing page visits',
  'Webinar',
  'Email clicks',
  'Last activity at',
] as const;

/** The only columns the add-in ever writes, in the order it creates them. */
export const OWNED_HEADERS = {
  score: 'Score',
  qualification: 'Qualification',
  deadline: 'SLA deadline',
  status: 'SLA status',
  nextAttempt: 'Next attempt due',
} as const;

export const OWNED_HEADER_LIST: readonly string[] = Object.values(OWNED_HEADERS);

/**
 * Width (pixels) of a column of `yyyy-mm-dd hh:mm` dates: the text is about 105 px wide at
 * Sheets', Excel's and LibreOffice's default fonts; narrower, Excel and LibreOffice show `###`.
 */
export const DATE_TIME_COLUMN_WIDTH = 130;

/** Column widths (pixels) the add-in gives its own columns when it creates them. */
export const OWNED_COLUMN_WIDTHS: Readonly<Record<string, number>> = {
  [OWNED_HEADERS.score]: 70,
  [OWNED_HEADERS.qualification]: 100,
  [OWNED_HEADERS.deadline]: DATE_TIME_COLUMN_WIDTH,
  // "Recycle · 6 attempts, no answer", "Check data · Attempts: -2 is negative" fit whole
  [OWNED_HEADERS.status]: 300,
  [OWNED_HEADERS.nextAttempt]: DATE_TIME_COLUMN_WIDTH,
};

export const STAGES = [
  'Lead',
  'MQL',
  'SQL',
  'Opportunity',
  'Customer',
  'Recycled',
  'Rejected',
  'Lost',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * What a stage or status value can mean: a stage, or an open lead sales has touched:
 * `Contacted` (in touch) or `Attempted` (tried to reach, no answer yet).
 */
export const STAGE_CHOICES = [...STAGES, 'Contacted', 'Attempted'] as const;
export type StageChoice = (typeof STAGE_CHOICES)[number];

export const LEADS_SHEET = 'Leads';
export const PLANNING_SHEET = 'Planning';
export const AGREEMENT_SHEET = 'SLA Agreement';
export const HISTORY_SHEET = 'SLA History';
export const REVIEW_SHEET_PREFIX = 'SLA Review ';
/** The hidden sheet of the notices' state: what was sent, the escalations per month. */
export const NOTICES_SHEET = 'SLA Notices';
/** Sheets the add-in generates under a fixed name (SLA Team and SLA Settings live beside them). */
export const GENERATED_SHEETS = [
  PLANNING_SHEET,
  AGREEMENT_SHEET,
  HISTORY_SHEET,
  NOTICES_SHEET,
] as const;
