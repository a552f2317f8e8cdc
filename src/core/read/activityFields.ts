import type { FieldSet } from './fieldMap.ts';

/**
 * The activity log's fields: one activity (a call, an e-mail, a meeting) a row, exported apart
 * from the leads. `lead` is the lead's key (its Lead ID, or the CRM's id of the record the
 * activity belongs to), `email` the lead's e-mail when the key does not match.
 *
 * The CRMs' labels, best first (compared case, accents, punctuation and spacing ignored):
 * - Zoho CRM Calls export (zoho.com/crm/help, Calls fields): `LEADID`, `Call Start Time`,
 *   `Call Type` (Outbound, Inbound, Missed), `Call Status` / `Outgoing Call Status` (Scheduled,
 *   Completed, Overdue, Cancelled), `Call Result`, `Call Duration (in seconds)`, `Call Owner`.
 * - Salesforce Task (developer.salesforce.com Task object, Data Loader names, and the Tasks and
 *   Events report labels): `WhoId`, `CompletedDateTime`, `ActivityDate`, `Status` (Not
 *   Started, In Progress, Completed, Waiting on someone else, Deferred), `TaskSubtype` (Call,
 *   Email, ListEmail, Task), `Type`, `CallDisposition`, `CallDurationInSeconds`, `CallType`,
 *   `OwnerId`; report labels `Lead ID`, `Completed Date/Time`, `Date`, `Task Subtype`,
 *   `Assigned`.
 * - HubSpot calls, e-mails and meetings exports (knowledge.hubspot.com activity properties):
 *   `Associated Contact IDs`, `Activity date`, `Activity type`, `Call outcome` (Connected,
 *   Busy, No answer, Left voicemail, Left live message, Wrong number), `Call direction`,
 *   `Call status`, `Call duration`, `Meeting outcome` (Scheduled, Completed, Rescheduled, No
 *   show, Canceled), `Activity assigned to`; internal names `hs_timestamp`,
 *   `hs_call_disposition`, `hs_call_status`, `hs_call_direction`, `hubspot_owner_id`.
 * - Bitrix24 activities (apidocs.bitrix24.com crm.activity.fields): `OWNER_ID`,
 *   `OWNER_TYPE_ID` (1 lead, 2 deal, 3 contact), `TYPE_ID` (1 meeting, 2 call, 3 task,
 *   4 e-mail, 6 other channels), `DIRECTION` (1 incoming, 2 outgoing), `COMPLETED` (Y/N),
 *   `START_TIME`, `RESPONSIBLE_ID`.
 * - Pipedrive activities export (support.pipedrive.com "Exporting data"): `Activity - Type`,
 *   `Activity - Done` (Done, To do), `Activity - Marked as done time`, `Activity - Due date`,
 *   `Activity - Assigned to user`, `Deal - ID`, `Person - Email`.
 * - Close activities (developer.close.com activities): `lead_id`, `date_created`, `_type`,
 *   `direction`, `status`, `duration`, `disposition`.
 */
export const ACTIVITY_LABELS = {
  lead: 'Lead',
  email: 'Email',
  at: 'Activity at',
  type: 'Type',
  done: 'Done',
  by: 'By',
  outcome: 'Outcome',
  duration: 'Duration',
  direction: 'Direction',
  recordType: 'Record type',
} as const;

export type ActivityFieldId = keyof typeof ACTIVITY_LABELS;
export const ACTIVITY_FIELD_IDS = Object.keys(ACTIVITY_LABELS) as ActivityFieldId[];

export const ACTIVITY_SYNONYMS: Readonly<Partial<Record<ActivityFieldId, readonly string[]>>> = {
  lead: [
    'Lead ID',
    'LEADID',
    'WhoId',
    'Who Id',
    'Associated Contact IDs',
    'Associated Contact ID',
    'Contact ID',
    'OWNER_ID',
    'Deal - ID',
    'Lead - ID',
    'Person - ID',
    'lead_id',
    'Related To ID',
    'Prospect ID',
  ],
  email: [
    'Lead Email',
    'Contact Email',
    'Associated Contact Email',
    'Person - Email',
    'Email Address',
  ],
  // when the activity was done first: Salesforce's ActivityDate (the same key as HubSpot's
  // `Activity date`) is a due date without a time, CompletedDateTime the moment it was done
  at: [
    'CompletedDateTime',
    'Completed Date/Time',
    'Call Start Time',
    'Activity - Marked as done time',
    'Meeting start time',
    'START_TIME',
    'hs_timestamp',
    'Activity date',
    'Start Time',
    'date_created',
    'ActivityDate',
    'Activity - Due date',
    'Due Date',
    'Date',
  ],
  type: [
    'Activity type',
    'Task Subtype',
    'TaskSubtype',
    'TYPE_ID',
    'Activity - Type',
    '_type',
    'Engagement type',
  ],
  done: [
    'Call Status',
    'Outgoing Call Status',
    'Status',
    'COMPLETED',
    'Activity - Done',
    'Completed',
    'hs_call_status',
    'Task Status',
  ],
  by: [
    'Activity assigned to',
    'Call Owner',
    'Assigned',
    'Assigned To',
    'Activity - Assigned to user',
    'OwnerId',
    'Owner',
    'RESPONSIBLE_ID',
    'hubspot_owner_id',
    'user_name',
  ],
  outcome: [
    'Call outcome',
    'Call Result',
    'CallDisposition',
    'Call Disposition',
    'Meeting outcome',
    'hs_call_disposition',
    'disposition',
  ],
  duration: [
    'Call duration',
    'Call Duration (in seconds)',
    'Call Duration',
    'CallDurationInSeconds',
    'Call duration (HH:mm:ss)',
    'Activity - Duration',
  ],
  direction: ['Call direction', 'Call Type', 'CallType', 'DIRECTION', 'hs_call_direction'],
  recordType: ['OWNER_TYPE_ID'],
};

export const ACTIVITY_FIELD_SET: FieldSet<ActivityFieldId> = {
  ids: ACTIVITY_FIELD_IDS,
  labels: ACTIVITY_LABELS,
  synonyms: ACTIVITY_SYNONYMS,
};

/** The kinds of activity: the first four are contacts; a task or a note is not. */
export type ActivityKind = 'call' | 'email' | 'meeting' | 'message' | 'task';

/** Type words (and Bitrix24's TYPE_ID numbers) by kind. */
export const ACTIVITY_KIND_WORDS: Readonly<Record<string, ActivityKind>> = {
  call: 'call',
  calls: 'call',
  phone: 'call',
  'phone call': 'call',
  'outbound call': 'call',
  'inbound call': 'call',
  '2': 'call',
  email: 'email',
  'e-mail': 'email',
  emails: 'email',
  mail: 'email',
  'sales email': 'email',
  listemail: 'email',
  '4': 'email',
  meeting: 'meeting',
  meetings: 'meeting',
  event: 'meeting',
  video: 'meeting',
  'video call': 'meeting',
  demo: 'meeting',
  appointment: 'meeting',
  '1': 'meeting',
  sms: 'message',
  text: 'message',
  whatsapp: 'message',
  linkedin: 'message',
  message: 'message',
  chat: 'message',
  '6': 'message',
  task: 'task',
  'to-do': 'task',
  todo: 'task',
  note: 'task',
  deadline: 'task',
  cadence: 'task',
  '3': 'task',
};

/** Status words: done (true) or planned and open (false). */
export const DONE_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  true: true,
  done: true,
  completed: true,
  complete: true,
  held: true,
  closed: true,
  connected: true,
  busy: true,
  'no answer': true,
  no_answer: true,
  failed: true,
  'left voicemail': true,
  no: false,
  n: false,
  false: false,
  'to do': false,
  open: false,
  'not started': false,
  scheduled: false,
  planned: false,
  pending: false,
  overdue: false,
  'in progress': false,
  in_progress: false,
  queued: false,
  ringing: false,
  'waiting on someone else': false,
  deferred: false,
  cancelled: false,
  canceled: false,
  rescheduled: false,
};

/** Outcomes that say the lead was reached (a conversation), or only tried. */
export const OUTCOME_WORDS: Readonly<Record<string, 'conversation' | 'attempt' | 'none'>> = {
  connected: 'conversation',
  answered: 'conversation',
  reached: 'conversation',
  'spoke with': 'conversation',
  completed: 'conversation',
  held: 'conversation',
  interested: 'conversation',
  'not interested': 'conversation',
  'no answer': 'attempt',
  no_answer: 'attempt',
  busy: 'attempt',
  'left voicemail': 'attempt',
  'left live message': 'attempt',
  voicemail: 'attempt',
  'wrong number': 'attempt',
  'not reached': 'attempt',
  'no show': 'none',
  canceled: 'none',
  cancelled: 'none',
  rescheduled: 'none',
};

/** Direction words (and Bitrix24's DIRECTION numbers): did the lead reach out? */
export const INBOUND_WORDS: ReadonlySet<string> = new Set(['inbound', 'incoming', 'in', '1']);
