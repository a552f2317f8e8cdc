import type { FieldId } from './fieldIds.ts';

/**
 * Built-in synonyms of each SLA field: the column headers the CRMs write in their exports,
 * best first. Compared case, accents, punctuation and spacing ignored (`Lead Owner`,
 * `lead_owner` and `LEAD OWNER` are one entry). A header is listed under one field only (a test
 * checks it). Where the labels come from:
 * - HubSpot contacts export (the "Export" of a contacts view; property labels as in
 *   knowledge.hubspot.com "HubSpot's default contact properties"): `Record ID`, `First Name`,
 *   `Contact owner`, `Lifecycle Stage`, `Lead Status`, `Create Date`,
 *   `Became a Marketing Qualified Lead Date`, `Owner Assigned Date`, `Number of times contacted`,
 *   `Number of Sales Activities`, `Last Contacted`, `Became a Customer Date`,
 *   `Recent Deal Amount`; deals export `Deal Stage`, `Amount`, `Deal owner`.
 * - Salesforce: Lead report labels (`Lead ID`, `Lead Owner`, `Lead Status`, `Create Date`,
 *   `Company / Account`, `Lead Source`, `Rating`, `Last Activity`) and Data Loader API names
 *   (developer.salesforce.com Lead object: `Id`, `OwnerId`, `Status`, `CreatedDate`,
 *   `LeadSource`, `FirstCallDateTime`, `LastActivityDate`).
 * - Zoho CRM Leads export (zoho.com/crm/help, Leads field labels): `Record Id` (older exports
 *   `LEADID`), `Lead Owner`, `Lead Source`, `Lead Status`, `Created Time`,
 *   `Last Activity Time`, `No. of Employees`.
 * - Pipedrive exports name the entity first (support.pipedrive.com "Exporting data"):
 *   `Deal - ID`, `Deal - Owner`, `Deal - Stage`, `Deal - Status`, `Deal - Add time` (newer
 *   `Deal - Deal created`), `Deal - Won time`, `Deal - Value`, `Deal - Lost reason`, `Deal - Done activities`,
 *   `Person - Name`, `Person - Email`, `Organization - Name`, `Lead - Owner`.
 * - HubSpot internal property names, as an API or integration export writes them
 *   (developers.hubspot.com contact properties): `hs_object_id`, `firstname`, `lastname`,
 *   `email`, `company`, `hubspot_owner_id`, `lifecyclestage`, `hs_lead_status`, `createdate`,
 *   `hs_lifecyclestage_marketingqualifiedlead_date`, `hs_lifecyclestage_salesqualifiedlead_date`,
 *   `hubspot_owner_assigneddate`, `hs_sa_first_engagement_date` (label `Date of first
 *   engagement`), `hs_time_to_first_engagement` (label `Lead response time`), `notes_last_contacted`,
 *   `num_contacted_notes`, `hs_analytics_source`, `hs_lifecyclestage_customer_date`.
 * - Bitrix24 REST field names (apidocs.bitrix24.com, crm.lead.fields and crm.deal.fields), as
 *   exports through the API write them: `ID`, `TITLE`, `NAME` (a first name, read as the name), `LAST_NAME`, `COMPANY_TITLE`,
 *   `ASSIGNED_BY_ID`, `SOURCE_ID`, `STATUS_ID` (leads), `STAGE_ID` (deals), `DATE_CREATE`,
 *   `OPPORTUNITY`, `CLOSEDATE`.
 * - Close lead export (developer.close.com, exports): `id`, `display_name`,
 *   `primary_contact_name`, `primary_contact_primary_email`, `status_label`, `date_created`,
 *   `first_communication_date`, `last_communication_date`, `num_outgoing_calls`,
 *   `primary_opportunity_date_won`, `primary_opportunity_value`.
 * - Public datasets: Olist marketing funnel (`mql_id`, `origin`; closed deals `won_date`,
 *   `sr_id`) and X Education lead scoring (`Prospect ID`, `Lead Source`, `Lead Quality`).
 *   Olist's `first_contact_date` is the day the lead became an MQL, not a first contact by
 *   sales; it reads as `First contact at` like any "first contact date" until the user maps it
 *   to MQL at in Fields (the README's worked example does).
 */
export const FIELD_SYNONYMS: Partial<Record<FieldId, readonly string[]>> = {
  leadId: [
    'Record ID',
    'LEADID',
    'Lead Id',
    'Contact ID',
    'Id',
    'lead_id',
    'mql_id',
    'Prospect ID',
    'Lead Number',
    'Deal - ID',
    'Lead - ID',
    'Person - ID',
    'Deal - Pipedrive System ID',
    'Lead - Pipedrive System ID',
    'hs_object_id',
    'ID',
  ],
  name: [
    'Full Name',
    'Lead Name',
    'Contact Name',
    'primary_contact_name',
    'Person - Name',
    'Contact person',
    'Lead - Title',
    'Deal - Title',
    'TITLE',
  ],
  firstName: [
    'First Name',
    'FirstName',
    'Person - First name',
    'primary_contact_first_name',
    'firstname',
  ],
  lastName: [
    'Last Name',
    'LastName',
    'Person - Last name',
    'primary_contact_last_name',
    'lastname',
    'LAST_NAME',
  ],
  company: [
    'Company Name',
    'Company / Account',
    'Account Name',
    'Associated Company',
    'Organization',
    'Organisation',
    'Organization - Name',
    'Deal - Organization',
    'Lead - Organization',
    'display_name',
    'COMPANY_TITLE',
  ],
  email: [
    'Email Address',
    'E-mail',
    'Work Email',
    'Person - Email',
    'Person - Email (Work)',
    'primary_contact_primary_email',
  ],
  // HubSpot `Phone Number`, `Mobile Phone Number` (phone, mobilephone); Salesforce `Phone`,
  // `Mobile` (MobilePhone); Zoho `Mobile`; Pipedrive `Person - Phone`; Close
  // `primary_contact_primary_phone`; Bitrix24 `PHONE`
  phone: [
    'Phone Number',
    'Mobile Phone Number',
    'Mobile Phone',
    'MobilePhone',
    'Mobile',
    'Telephone',
    'Person - Phone',
    'Person - Phone (Work)',
    'Person - Phone (Mobile)',
    'primary_contact_primary_phone',
    'mobilephone',
    'Business Phone',
    'Work Phone',
  ],
  source: [
    'Lead Source',
    'Original Source',
    'LeadSource',
    'Lead Origin',
    'origin',
    'Latest Source',
    'Lead - Source channel',
    'Deal - Source',
    'custom.Lead Source',
    'hs_analytics_source',
    'SOURCE_ID',
  ],
  owner: [
    'Lead Owner',
    'Contact owner',
    'Deal owner',
    'HubSpot Owner',
    'Owner Name',
    'Lead Owner Alias',
    'OwnerId',
    'Deal - Owner',
    'Lead - Owner',
    'Person - Owner',
    'sr_id',
    'Sales Rep',
    'Assigned To',
    'hubspot_owner_id',
    'ASSIGNED_BY_ID',
  ],
  priority: [
    'Rating',
    'Lead Rating',
    'Lead Quality',
    'Contact priority',
    'Lead Temperature',
    'Temperature',
    'Lead - Labels',
    'Deal - Label',
    'hs_lead_label',
  ],
  stage: [
    'Lifecycle Stage',
    'Deal Stage',
    'Deal - Stage',
    'Deal - Stage (pipeline)',
    'Lead Stage',
    'Stage Name',
    'StageName',
    'Pipeline Stage',
    'hs_pipeline_stage',
    'lifecyclestage',
    'STAGE_ID',
  ],
  leadStatus: [
    'Lead Status',
    'Status',
    'status_label',
    'Deal - Status',
    'Lead - Status',
    'hs_lead_status',
    'STATUS_ID',
  ],
  createdAt: [
    'Create Date',
    'Created Date',
    'Created Time',
    'CreatedDate',
    'Date Created',
    'date_created',
    'Created',
    'Created On',
    'Object create date/time',
    'Deal - Deal created',
    'Deal - Creation date',
    'Deal - Add time',
    'Lead - Creation date',
    'Person - Creation date',
    'createdate',
    'DATE_CREATE',
  ],
  mqlAt: [
    'Became a Marketing Qualified Lead Date',
    'MQL Date',
    'Date became MQL',
    'hs_lifecyclestage_marketingqualifiedlead_date',
  ],
  handedOffAt: [
    'Owner Assigned Date',
    'Hand-off date',
    'Handoff date',
    'Assigned Date',
    'Date assigned',
    'Became a Sales Accepted Lead Date',
    'hubspot_owner_assigneddate',
    'Became a Sales Qualified Lead Date',
    'SQL Date',
    'hs_lifecyclestage_salesqualifiedlead_date',
  ],
  firstContactAt: [
    'First contact date',
    'First Contacted',
    'Date of first engagement',
    'hs_sa_first_engagement_date',
    'first_communication_date',
    'FirstCallDateTime',
    'First Call Date',
    'FirstEmailDateTime',
    'first_outgoing_call_date',
    'First Activity Date',
  ],
  responseTime: [
    'Lead response time',
    'Lead response time (HH:mm:ss)',
    'hs_time_to_first_engagement',
    'Time to first contact',
    'Response time (HH:mm:ss)',
  ],
  attempts: [
    'Number of times contacted',
    'Number of Sales Activities',
    'Contact Attempts',
    'Call Attempts',
    'Number of attempts',
    'num_outgoing_calls',
    'times_communicated',
    'num_calls',
    // done activities only: `Deal - Total activities` counts the planned ones too
    'Deal - Done activities',
    'num_contacted_notes',
  ],
  // Only dates of a contact: Zoho's `Last Activity Time` and HubSpot's `Last Activity Date` also
  // move on an edit or a note, so they say nothing about contact (they stay scoring attributes).
  lastAttemptAt: [
    'Last Contacted',
    'notes_last_contacted',
    'last_communication_date',
    'Last Activity',
    'LastActivityDate',
    'Deal - Last activity date',
  ],
  rejectedReason: [
    'Disqualification Reason',
    'Unqualified Reason',
    'Reason for Disqualification',
    'Lost Reason',
    'Deal - Lost reason',
  ],
  wonAt: [
    'Became a Customer Date',
    'Won Date',
    'Date Won',
    'won_date',
    'Deal - Won time',
    'primary_opportunity_date_won',
    'hs_lifecyclestage_customer_date',
    'Close Date',
    'Closed Date',
  ],
  // HubSpot `Phone Number` / `Mobile Phone Number` (`phone`, `mobilephone`), Salesforce `Phone` /
  // `Mobile` (`MobilePhone`), Zoho `Phone` / `Mobile`, Pipedrive `Person - Phone` (and its
  // `(Work)` / `(Mobile)` columns), Close `primary_contact_primary_phone`, Bitrix24 `PHONE`.
  dealValue: [
    'Amount',
    'Deal Value',
    'Deal - Value',
    'Recent Deal Amount',
    'Opportunity Amount',
    'primary_opportunity_value',
    'OPPORTUNITY',
  ],
};

/**
 * The CRMs' labels of the usual scoring attributes, keyed by the attribute's header key (as
 * `headerKey` gives it): a criterion on `Company size` also reads `Number of Employees`.
 */
export const ATTRIBUTE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  jobtitle: [
    'Job Title',
    'Title',
    'Job Function',
    'Designation',
    'What is your current occupation',
  ],
  companysize: [
    'Number of Employees',
    'No. of Employees',
    'NumberOfEmployees',
    'Employees',
    'Company Size',
    'Organization - Number of employees',
  ],
  industry: ['Industry', 'Business Segment', 'business_segment', 'Specialization'],
  country: ['Country/Region', 'Country', 'Mailing Country', 'Billing Country', 'Country Region'],
  lastactivityat: [
    'Last Engagement Date',
    'Last Activity Date',
    'Last Activity Time',
    'last_activity_date',
    'LAST_ACTIVITY_TIME',
  ],
  emailclicks: ['Marketing emails clicked', 'Email Clicks', 'Emails Clicked'],
  webinar: ['Webinar Attended', 'Attended Webinar'],
  demorequest: ['Demo Requested', 'Requested a Demo'],
  pricingpagevisits: ['Pricing Page Views'],
};
