/**
 * Readable durations for status details, e.g. `25 min`, `3 h 10 min`, `27 h`, `140 h`.
 * Business durations are shown in hours (never "days", whose length depends on the calendar).
 */
export function formatMinutes(totalMinutes: number): string {
  const m = Math.max(0, Math.round(totalMinutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (rest === 0 || h >= 100) return `${h} h`;
  return `${h} h ${rest} min`;
}
