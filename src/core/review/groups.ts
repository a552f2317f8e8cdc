import { normalizeText } from '../common/cellValues.ts';
import type { Settings } from '../settings/index.ts';
import { monthFigures } from './figures.ts';
import type { MonthContext, MonthFigures } from './figureTypes.ts';
import type { LeadFacts } from './leadFacts.ts';
import { ratio } from './tally.ts';

/**
 * The month's figures by source and by owner: sources and owners are matched case- and
 * accent-insensitively and shown as first typed. Definitions: review.ts.
 */

/** Escalations to the manager and reassignments (owner away) of one month, by owner as written. */
/** Escalations and reassignments by owner as written (a Map: an owner may be named `__proto__`). */
export type OwnerEscalations = ReadonlyMap<string, readonly [number, number]>;

export interface GroupRow {
  /** The source or owner as first typed; `(none)` for blanks. */
  key: string;
  /** The group's figures, from the same classification as the month's (its columns read these). */
  figures: MonthFigures;
  newLeads: number;
  mqlDelivered: number;
  handedOff: number;
  rejected: number;
  onTimeShare: number | null;
  medianHoursToContact: number | null;
  p90HoursToContact: number | null;
  neverContacted: number;
  won: number;
  wonValue: number;
  cost: number | null;
  costPerLead: number | null;
  costPerCustomer: number | null;
  /** Owners only (null for sources): leads escalated to the manager in the month. */
  escalations: number | null;
  /** Owners only: of those, escalated because the owner was away (to be reassigned). */
  reassignments: number | null;
}

interface Group {
  key: string;
  leads: LeadFacts[];
}

/** The leads by normalized key, each group shown as its first typed key. */
function groupBy(
  leads: readonly LeadFacts[],
  keyOf: (lead: LeadFacts) => string,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  const norms = new Map<string, string>();
  for (const lead of leads) {
    const display = keyOf(lead);
    let norm = norms.get(display);
    if (norm === undefined) {
      norm = normalizeText(display);
      norms.set(display, norm);
    }
    let g = groups.get(norm);
    if (!g) {
      g = { key: display || '(none)', leads: [] };
      groups.set(norm, g);
    }
    g.leads.push(lead);
  }
  return groups;
}

function groupRow(key: string, a: MonthFigures, cost: number | null): GroupRow {
  return {
    key,
    figures: a,
    newLeads: a.marketing.newLeads,
    mqlDelivered: a.marketing.mqlDelivered,
    handedOff: a.marketing.handedOff,
    rejected: a.marketing.rejected,
    onTimeShare: a.sales.onTimeShare,
    medianHoursToContact: a.sales.medianHoursToContact,
    p90HoursToContact: a.sales.p90HoursToContact,
    neverContacted: a.sales.neverContacted,
    won: a.revenue.won,
    wonValue: a.revenue.wonValue,
    cost,
    costPerLead: cost === null ? null : ratio(cost, a.marketing.newLeads),
    costPerCustomer: cost === null ? null : ratio(cost, a.revenue.won),
    escalations: null,
    reassignments: null,
  };
}

/** The group counts anything in the month: a lead active in it, a return, a logged attempt. */
function countsInMonth(a: MonthFigures): boolean {
  return a.active || a.count.returned > 0 || a.keyed.channel.size > 0;
}

/**
 * One row per group that counts in the month (or has a cost), most hand-offs first, then most
 * new leads, then by key. `costs` is keyed by normalized key.
 */
function groupRows(
  leads: readonly LeadFacts[],
  keyOf: (lead: LeadFacts) => string,
  ctx: MonthContext,
  costs: ReadonlyMap<string, number> | null,
): GroupRow[] {
  const rows: GroupRow[] = [];
  for (const [norm, g] of groupBy(leads, keyOf)) {
    const a = monthFigures(g.leads, ctx);
    const cost = costs?.get(norm) ?? null;
    if (countsInMonth(a) || cost !== null) rows.push(groupRow(g.key, a, cost));
  }
  return sortRows(rows);
}

/** Most hand-offs first, then most new leads, then by key. */
function sortRows(rows: GroupRow[]): GroupRow[] {
  return rows.sort(
    (x, y) => y.handedOff - x.handedOff || y.newLeads - x.newLeads || x.key.localeCompare(y.key),
  );
}

/** The plan's monthly cost of each source, by normalized source. */
function sourceCosts(settings: Settings): Map<string, number> {
  const costs = new Map<string, number>();
  for (const [source, cost] of Object.entries(settings.plan.costPerSource)) {
    costs.set(normalizeText(source), cost);
  }
  return costs;
}

/** The month's figures by source, with cost per lead and per customer. */
export function bySource(leads: readonly LeadFacts[], ctx: MonthContext): GroupRow[] {
  return groupRows(leads, (l) => l.source, ctx, sourceCosts(ctx.settings));
}

/** The escalations by normalized owner, each owner shown as first written. */
function escalationsByOwner(
  escalations: OwnerEscalations,
): Map<string, { owner: string; counts: [number, number] }> {
  const byKey = new Map<string, { owner: string; counts: [number, number] }>();
  for (const [owner, [escalated, reassigned]] of escalations) {
    const key = normalizeText(owner);
    const entry = byKey.get(key) ?? { owner, counts: [0, 0] };
    entry.counts[0] += escalated;
    entry.counts[1] += reassigned;
    byKey.set(key, entry);
  }
  return byKey;
}

/**
 * The month's figures by owner, with the escalations and reassignments the notices counted in
 * the month (an owner escalated in the month has a row even when nothing else happened).
 */
export function byOwner(
  leads: readonly LeadFacts[],
  ctx: MonthContext,
  escalations: OwnerEscalations = new Map(),
): GroupRow[] {
  const counted = escalationsByOwner(escalations);
  const rows: GroupRow[] = [];
  for (const [norm, g] of groupBy(leads, (l) => l.owner)) {
    const a = monthFigures(g.leads, ctx);
    const counts = counted.get(norm)?.counts ?? [0, 0];
    counted.delete(norm);
    if (countsInMonth(a) || counts[0] > 0) rows.push(ownerRow(groupRow(g.key, a, null), counts));
  }
  for (const { owner, counts } of counted.values()) {
    if (counts[0] > 0)
      rows.push(ownerRow(groupRow(owner || '(none)', monthFigures([], ctx), null), counts));
  }
  return sortRows(rows);
}

function ownerRow(
  row: GroupRow,
  [escalations, reassignments]: readonly [number, number],
): GroupRow {
  return { ...row, escalations, reassignments };
}
