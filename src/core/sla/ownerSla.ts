import type { BusinessCalendar } from './calendar.ts';

/** What the check uses for one owner. */
export interface OwnerSla {
  /** The business calendar on the owner's clock, null for the calendar's own. */
  calendar: BusinessCalendar | null;
  away: boolean;
}

export type OwnerLookup = (owner: string) => OwnerSla | null;
