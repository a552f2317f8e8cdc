import type { MonthContext } from './figureTypes.ts';
import type { LeadFacts } from './leadFacts.ts';
import { inMonth } from './tally.ts';

/** The rejected leads the two teams re-evaluate together at the monthly review. */

export interface RejectedLead {
  /** Sheet row number in Leads. */
  row: number;
  leadId: string;
  name: string;
  company: string;
  source: string;
  owner: string;
  referenceAt: number;
  reason: string;
}

/** Rejected leads whose hand-off (else MQL, else creation) is in the month, oldest first. */
export function rejectedLeads(leads: readonly LeadFacts[], ctx: MonthContext): RejectedLead[] {
  const rejected: RejectedLead[] = [];
  for (const lead of leads) {
    if (!lead.rejected) continue;
    const at = lead.handedOffAt ?? lead.mqlAt ?? lead.createdAt;
    if (at === null || !inMonth(at, ctx)) continue;
    rejected.push({
      row: lead.index + 2,
      leadId: lead.identity?.leadId ?? '',
      name: lead.identity?.name ?? '',
      company: lead.identity?.company ?? '',
      source: lead.source,
      owner: lead.owner,
      referenceAt: at,
      reason: lead.rejectedReason,
    });
  }
  return rejected.sort((a, b) => a.referenceAt - b.referenceAt || a.row - b.row);
}
