/** Calendar tab: time zone, working hours (one or two spans a day), holidays. */

import { WEEKDAYS, type Weekday } from '../../src/core/common/choices.ts';
import type { CalendarSettings, Holiday, TimeSpan } from '../../src/core/settings/index.ts';
import { WEEKDAY_NAMES } from '../../src/core/time/names.ts';
import { intlZoneSpelling, UNKNOWN_ZONE_MESSAGE } from '../../src/core/time/timeZoneName.ts';
import { type Child, h, uid } from '../dom.ts';
import {
  button,
  describedError,
  errorSlot,
  registerSlot,
  removeButton,
  sectionTitle,
  textAt,
} from '../formFields.ts';
import { addCheck, state, ui } from '../state.ts';

// The schema takes any text as a zone: the browser knows the IANA names (the server checks
// the zone again against Apps Script itself, with the same message).
addCheck({
  extra: (s) => {
    const zone = s.calendar.timeZone.trim();
    if (!zone || intlZoneSpelling(zone) !== null) return [];
    return [{ path: 'calendar.timeZone', message: UNKNOWN_ZONE_MESSAGE }];
  },
});

/** The zone field; a zone typed in another case or as an alias is rewritten as Apps Script spells it. */
function zoneField(cal: CalendarSettings, zone: string): HTMLElement {
  const field = textAt(cal, 'timeZone', {
    label: 'Time zone',
    path: 'calendar.timeZone',
    placeholder: zone,
    hint: `Blank: the spreadsheet's time zone (${zone}).`,
  });
  const input = field.querySelector('input');
  input?.addEventListener('change', () => {
    const spelled = intlZoneSpelling(input.value);
    if (spelled && spelled !== input.value) {
      input.value = spelled;
      cal.timeZone = spelled;
      ui.changed();
    }
  });
  return field;
}

/** An input that writes `input.value` (trimmed or not) into `obj[key]` as it is typed. */
function boundInput<T extends TimeSpan | Holiday>(
  obj: T,
  key: keyof T & string,
  attrs: Record<string, string>,
  trim: boolean,
): HTMLInputElement {
  const rec = obj as unknown as Record<string, string>;
  const input = h('input', {
    ...attrs,
    id: uid('in'),
    value: rec[key],
    autocomplete: 'off',
    oninput: () => {
      rec[key] = trim ? input.value.trim() : input.value;
      ui.changed();
    },
  });
  return input;
}

function spanRow(day: Weekday, spans: TimeSpan[], i: number): HTMLElement {
  const span = spans[i]!;
  const path = `calendar.hours.${day}.${i}`;
  const name = `${WEEKDAY_NAMES[day]} ${spans.length > 1 ? `span ${i + 1} ` : ''}`;
  const time = (which: 'start' | 'end') => {
    const input = boundInput(
      span,
      which,
      {
        type: 'text',
        class: 'time',
        placeholder: which === 'start' ? '09:00' : '18:00',
        'aria-label': `${name}${which === 'start' ? 'from' : 'to'}`,
        'data-focus': `${day}-${i}-${which}`,
      },
      true,
    );
    return { input, err: describedError(`${path}.${which}`, input) };
  };
  const from = time('start');
  const to = time('end');
  const what = spans.length > 1 ? `span ${i + 1}` : 'hours';
  const remove = removeButton(`Remove ${WEEKDAY_NAMES[day]} ${what}`, () => {
    spans.splice(i, 1);
    ui.restructure('calendar', `add-${day}`);
  });
  return h(
    'div',
    { class: 'span' },
    h(
      'div',
      { class: 'span-row' },
      from.input,
      h('span', { 'aria-hidden': 'true' }, '–'),
      to.input,
      remove,
    ),
    from.err,
    to.err,
  );
}

function addSpanButton(day: Weekday, spans: TimeSpan[]): HTMLElement | null {
  if (spans.length >= 2) return null;
  return h(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-focus': `add-${day}`,
      'aria-label': `Add ${spans.length ? 'a second span' : 'hours'} on ${WEEKDAY_NAMES[day]}`,
      onclick: () => {
        const prev = spans[spans.length - 1];
        spans.push(
          prev
            ? { start: prev.end < '14:00' ? '14:00' : prev.end, end: '18:00' }
            : { start: '09:00', end: '18:00' },
        );
        if (prev && prev.end >= '18:00') spans[spans.length - 1]!.end = '20:00';
        ui.restructure('calendar', `${day}-${spans.length - 1}-start`);
      },
    },
    spans.length ? '+ span' : '+ hours',
  );
}

function dayRow(cal: CalendarSettings, day: Weekday): HTMLElement {
  const spans = cal.hours[day];
  const dayError = errorSlot(uid('day-err'));
  registerSlot(`calendar.hours.${day}`, null, dayError);
  const spanEls = spans.map((_, i) => spanRow(day, spans, i));
  const add = addSpanButton(day, spans);
  const lastRow = spanEls[spanEls.length - 1]?.querySelector('.span-row');
  if (add && lastRow) lastRow.append(add);
  return h(
    'li',
    { class: 'day' },
    h('span', { class: 'day-name' }, WEEKDAY_NAMES[day].slice(0, 3)),
    h(
      'div',
      { class: 'day-spans' },
      spans.length ? null : h('span', { class: 'closed' }, 'Closed'),
      ...spanEls,
      spans.length ? null : add,
      dayError,
    ),
  );
}

function holidayRow(cal: CalendarSettings, hol: Holiday, i: number): HTMLElement {
  const base = `calendar.holidays.${i}`;
  const date = boundInput(
    hol,
    'date',
    { type: 'date', 'aria-label': `Holiday ${i + 1} date`, 'data-focus': `hol-${i}` },
    false,
  );
  const name = boundInput(
    hol,
    'name',
    { type: 'text', placeholder: 'Name', 'aria-label': `Holiday ${i + 1} name` },
    false,
  );
  const dateErr = describedError(`${base}.date`, date);
  const nameErr = describedError(`${base}.name`, name);
  const rowErr = errorSlot(uid('hr-err'));
  registerSlot(base, null, rowErr);
  const remove = removeButton(`Remove holiday ${hol.name || i + 1}`, () => {
    cal.holidays.splice(i, 1);
    ui.restructure('calendar', 'add-holiday');
  });
  return h(
    'li',
    { class: 'holiday' },
    h('div', { class: 'span-row' }, date, name, remove),
    dateErr,
    nameErr,
    rowErr,
  );
}

export function renderCalendar(): Child[] {
  const cal = state.draft.calendar;
  const zone = state.server?.timeZone ?? '';
  const holidaysErr = errorSlot(uid('hols-err'));
  registerSlot('calendar.holidays', null, holidaysErr);
  const hoursErr = errorSlot(uid('hours-err'));
  registerSlot('calendar.hours', null, hoursErr);
  return [
    h('div', { class: 'spacer' }),
    zoneField(cal, zone),
    ...sectionTitle('Working hours', 'One or two spans a day, e.g. 09:00–12:30 and 14:00–18:00.'),
    h('ul', { class: 'week' }, ...WEEKDAYS.map((day) => dayRow(cal, day))),
    hoursErr,
    ...sectionTitle('Holidays', 'No business hours on these days.'),
    cal.holidays.length
      ? h('ul', { class: 'holidays' }, ...cal.holidays.map((hol, i) => holidayRow(cal, hol, i)))
      : null,
    holidaysErr,
    button(
      '+ Add holiday',
      () => {
        cal.holidays.push({ date: '', name: '' });
        ui.restructure('calendar', `hol-${cal.holidays.length - 1}`);
      },
      { 'data-focus': 'add-holiday' },
    ),
  ];
}
