import { WEEKDAYS, type Weekday } from '../common/choices.ts';
import { countText, pluralWord } from '../common/plural.ts';
import type { Criterion, Settings, TimeSpan } from '../settings/index.ts';
import { WEEKDAY_NAMES } from '../time/names.ts';

/** Numbers, lists, criteria and weeks in the Agreement's plain words. */

/** A count with its thousands grouped; any other number to two decimals at most. */
export function n(x: number): string {
  return countText(Number.isInteger(x) ? x : Math.round(x * 100) / 100);
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

export function hours(h: number): string {
  return `${n(h)} ${pluralWord(h, 'business hour')}`;
}

/** `"a", "b" or "c"`. */
export function quotedList(values: readonly string[]): string {
  return orList(values.map((v) => `"${v}"`));
}

/** `a, b or c` (`and` as the last word when asked). */
export function orList(values: readonly string[], last = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

function criterionTest(c: Criterion): string {
  const col = c.column;
  switch (c.operator) {
    case 'equals':
      return `${col} is "${c.value ?? ''}"`;
    case 'oneOf':
      return `${col} is one of ${quotedList(c.values ?? [])}`;
    case 'contains':
      return `${col} contains "${c.value ?? ''}"`;
    case 'atLeast':
      return `${col} is at least ${n(c.min ?? 0)}`;
    case 'atMost':
      return `${col} is at most ${n(c.max ?? 0)}`;
    case 'between':
      return `${col} is between ${n(c.min ?? 0)} and ${n(c.max ?? 0)}`;
    case 'isBlank':
      return `${col} is blank`;
    case 'notBlank':
      return `${col} is filled in`;
    case 'withinDays':
      return `${col} is within the last ${n(c.days ?? 0)} ${pluralWord(c.days ?? 0, 'day')}`;
  }
}

/** A criterion in plain words: `Decision maker: Job title contains "director" → +15 fit`. */
export function describeCriterion(c: Criterion): string {
  const points = `${c.points >= 0 ? '+' : '−'}${n(Math.abs(c.points))} ${c.kind}`;
  const handoff = c.handoff ? ' (hands the lead to sales whatever the score)' : '';
  return `${c.label}: ${criterionTest(c)} → ${points}${handoff}`;
}

function spans(s: readonly TimeSpan[]): string {
  return s.map((x) => `${x.start}–${x.end}`).join(', ');
}

/** `Monday–Friday 09:00–18:00` (consecutive days with the same hours grouped). */
export function describeWeek(hoursByDay: Settings['calendar']['hours']): string {
  const groups: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  for (const d of WEEKDAYS) {
    const text = spans(hoursByDay[d]);
    const last = groups[groups.length - 1];
    if (last && last.text === text && text !== '') last.to = d;
    else groups.push({ from: d, to: d, text });
  }
  const parts = groups
    .filter((g) => g.text !== '')
    .map((g) =>
      g.from === g.to
        ? `${WEEKDAY_NAMES[g.from]} ${g.text}`
        : `${WEEKDAY_NAMES[g.from]}–${WEEKDAY_NAMES[g.to]} ${g.text}`,
    );
  return parts.length ? parts.join('; ') : 'no working hours set';
}
