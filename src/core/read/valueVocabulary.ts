import type { Priority } from '../common/choices.ts';
import type { StageChoice } from './leadColumns.ts';

/**
 * The CRMs' stage and status words, and what each means for the SLA. Keys are compared case,
 * accents and spacing ignored; a CRM's internal value (`ATTEMPTED_TO_CONTACT`) is listed beside
 * its label. `Contacted` and `Attempted` are open leads sales has touched: the SLA's first
 * contact happened, with no time recorded. Sources:
 * - HubSpot lifecycle stages, labels and internal values (`Marketing Qualified Lead` /
 *   `marketingqualifiedlead`; developers.hubspot.com lifecycle-stage docs and the contact
 *   property export), lead status `hs_lead_status` (`New`, `Open`, `In Progress`, `Open Deal`,
 *   `Unqualified`, `Attempted to Contact`, `Connected`, `Bad Timing`), the leads object's
 *   pipeline stages (`New`, `Attempting`, `Connected`, `Qualified`, `Disqualified`) and the
 *   default deal stages (`Appointment Scheduled` … `Closed Won`, `Closed Lost`).
 * - Salesforce Lead Status, classic picklist (`Open - Not Contacted`, `Working - Contacted`,
 *   `Closed - Converted`, `Closed - Not Converted`) and newer orgs' (`New`, `Working`,
 *   `Nurturing`, `Qualified`, `Unqualified`, `Contacted`); opportunity stages (`Prospecting` …
 *   `Negotiation/Review`, `Closed Won`, `Closed Lost`; developer.salesforce.com OpportunityStage).
 * - Zoho CRM Lead Status (API field metadata: `-None-`, `Attempted to Contact`,
 *   `Contact in Future`, `Contacted`, `Junk Lead`, `Lost Lead`, `Not Contacted`,
 *   `Pre-Qualified`, `Not Qualified`) and deal stages (`Qualification` … `Closed-Lost to
 *   Competition`).
 * - Pipedrive deal status (`open`, `won`, `lost`) and the stages of a new pipeline (`Lead In`,
 *   `Qualified`, `Contact Made`, `Demo Scheduled`, `Proposal Made`, `Negotiations Started`).
 * - Bitrix24 (apidocs.bitrix24.com, crm.status.list): deal stages of the default pipeline
 *   (`NEW`, `PREPARATION`, `PREPAYMENT_INVOICE`, `EXECUTING`, `FINAL_INVOICE`, `WON`, `LOSE`,
 *   `APOLOGY`; other pipelines prefix them `C1:`, read without it) and lead statuses (`NEW`,
 *   `IN_PROCESS`, `PROCESSED`, `JUNK`, `CONVERTED`).
 * - Close default lead statuses (`Potential`, `Qualified`, `Customer`, `Bad Fit`; the Close
 *   help centre's status settings) and opportunity status types (`active`, `won`, `lost`).
 * - French words our users type (`Gagné`, `Perdu`, `Rejeté`, `Contacté`).
 */
export const BUILTIN_STAGE_WORDS: Readonly<Record<string, StageChoice>> = {
  // canonical plurals and short forms
  leads: 'Lead',
  opportunities: 'Opportunity',
  opp: 'Opportunity',
  customers: 'Customer',
  recycle: 'Recycled',
  // HubSpot lifecycle stages (labels and internal values)
  subscriber: 'Lead',
  other: 'Lead',
  'marketing qualified lead': 'MQL',
  marketingqualifiedlead: 'MQL',
  'sales qualified lead': 'SQL',
  salesqualifiedlead: 'SQL',
  evangelist: 'Customer',
  // HubSpot lead status (labels and internal values) and the leads object's stages
  new: 'Lead',
  open: 'Lead',
  'in progress': 'Contacted',
  in_progress: 'Contacted',
  'open deal': 'Opportunity',
  open_deal: 'Opportunity',
  unqualified: 'Rejected',
  'attempted to contact': 'Attempted',
  attempted_to_contact: 'Attempted',
  attempting: 'Attempted',
  'attempted contact': 'Attempted',
  connected: 'Contacted',
  'bad timing': 'Recycled',
  bad_timing: 'Recycled',
  qualified: 'SQL',
  disqualified: 'Rejected',
  // HubSpot default deal stages
  'appointment scheduled': 'Opportunity',
  'qualified to buy': 'Opportunity',
  'presentation scheduled': 'Opportunity',
  'decision maker bought-in': 'Opportunity',
  'contract sent': 'Opportunity',
  closedwon: 'Customer',
  closedlost: 'Lost',
  // Salesforce lead status (classic and newer orgs) and opportunity stages
  'open - not contacted': 'Lead',
  'working - contacted': 'Contacted',
  'closed - converted': 'Customer',
  'closed - not converted': 'Rejected',
  working: 'Contacted',
  nurturing: 'Recycled',
  prospecting: 'Opportunity',
  qualification: 'Opportunity',
  'needs analysis': 'Opportunity',
  'value proposition': 'Opportunity',
  'id. decision makers': 'Opportunity',
  'identify decision makers': 'Opportunity',
  'perception analysis': 'Opportunity',
  'proposal/price quote': 'Opportunity',
  'negotiation/review': 'Opportunity',
  'closed won': 'Customer',
  'closed lost': 'Lost',
  // Zoho lead status and deal stages
  '-none-': 'Lead',
  'not contacted': 'Lead',
  'contact in future': 'Contacted',
  contacted: 'Contacted',
  'pre-qualified': 'MQL',
  'pre qualified': 'MQL',
  'not qualified': 'Rejected',
  'junk lead': 'Rejected',
  'lost lead': 'Lost',
  'closed-lost to competition': 'Lost',
  // Pipedrive deal status and default stages
  won: 'Customer',
  'lead in': 'Lead',
  'contact made': 'Contacted',
  'demo scheduled': 'Opportunity',
  'proposal made': 'Opportunity',
  'negotiations started': 'Opportunity',
  // Bitrix24 deal stages and lead statuses (REST values)
  preparation: 'Opportunity',
  prepayment_invoice: 'Opportunity',
  executing: 'Opportunity',
  final_invoice: 'Opportunity',
  lose: 'Lost',
  apology: 'Lost',
  in_process: 'Contacted',
  processed: 'SQL',
  junk: 'Rejected',
  converted: 'Opportunity',
  // Close lead statuses and opportunity status types
  potential: 'Lead',
  'bad fit': 'Rejected',
  interested: 'SQL',
  'not interested': 'Lost',
  active: 'Opportunity',
  // French
  nouveau: 'Lead',
  contacte: 'Contacted',
  gagne: 'Customer',
  client: 'Customer',
  perdu: 'Lost',
  rejete: 'Rejected',
};

/**
 * Priority words: Salesforce `Rating` and HubSpot `hs_lead_label` (Hot, Warm, Cold, as the
 * canonical words), X Education `Lead Quality`, usual scales, French.
 */
export const BUILTIN_PRIORITY_WORDS: Readonly<Record<string, Priority>> = {
  high: 'Hot',
  medium: 'Warm',
  low: 'Cold',
  urgent: 'Hot',
  chaud: 'Hot',
  tiede: 'Warm',
  froid: 'Cold',
  'high in relevance': 'Hot',
  'might be': 'Warm',
  'not sure': 'Cold',
  'low in relevance': 'Cold',
  worst: 'Cold',
};
