import { countText, plural, pluralWord } from '../common/plural.ts';
import { utf8Bytes } from '../common/propertyBytes.ts';
import { readEmail } from '../team/team.ts';
import { MONTH_NAMES } from '../time/names.ts';
import { HOUR_MS, MINUTE_MS, toWall, type ZoneClock } from '../time/zone.ts';
import { byUrgency, type NoticeItem, type PlannedMail } from './notices.ts';

/**
 * The text of a notice e-mail: a plain-text body and an HTML one, for a rep to act on: each
 * lead with its full name, how to reach it (its phone and e-mail as links when the sheet has
 * them), its deadline on the owner's clock and its lateness in business time. At most
 * MAX_LISTED leads a section, most urgent first, then "and N more" with a link to the sheet;
 * the counts stay exact, and the whole mail stays under MAIL_MAX_BYTES. Every value from the
 * sheet is user text: escaped in HTML, on one line, never a link but the ones built here (the
 * lead's row, `tel:` digits, a checked `mailto:` address). Pure.
 */

export interface MailText {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

export interface MailContext {
  spreadsheetName: string;
  /** The leads sheet (`…/edit#gid=123`). */
  sheetLink: string;
  /** A lead's row: `…/edit#gid=123&range=A12`. */
  rowLink: (row: number) => string;
  /** The owner's clock: deadlines are shown as the owner reads them. */
  clockOf: (owner: string) => ZoneClock;
  /** Business hours in a day of the owner's calendar (lateness in business days). */
  dayHoursOf: (owner: string) => number;
  escalateAfterHours: number;
  nowMs: number;
}

/** Leads listed in one section at most (the rest are counted, and linked to the sheet). */
export const MAX_LISTED = 25;
/** An e-mail stays under this many bytes, both bodies and the subject together. */
export const MAIL_MAX_BYTES = 100_000;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** One line of user text: control characters and line breaks become spaces, at most `max` long. */
export function oneLine(text: string, max = 120): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const t = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `25 min`, `3 business hours`, `2 business days`: business time as a person reads it. */
export function businessSpan(ms: number, dayHours: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / MINUTE_MS))} min`;
  const hours = Math.floor(ms / HOUR_MS);
  if (dayHours <= 0 || hours < dayHours) return `${hours} business ${pluralWord(hours, 'hour')}`;
  const days = Math.floor(hours / dayHours);
  return `${days} business ${pluralWord(days, 'day')}`;
}

/** `2 business days late`, `due in 45 min`. */
function timing(item: NoticeItem, ctx: MailContext): string {
  const span = businessSpan(item.businessMs, ctx.dayHoursOf(item.lead.owner));
  return item.lead.status === 'Overdue' ? `${span} late` : `due in ${span}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Mon 23 Nov, 10:10 (Europe/Paris)` on the owner's clock; the year when it is not this one. */
export function deadlineText(item: NoticeItem, ctx: MailContext): string {
  const clock = ctx.clockOf(item.lead.owner);
  const w = toWall(clock, item.lead.deadlineMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const year = w.year === toWall(clock, ctx.nowMs).year ? '' : ` ${w.year}`;
  const month = MONTH_NAMES[w.month - 1]!.slice(0, 3);
  return `${WEEKDAYS[w.weekday - 1]} ${w.day} ${month}${year}, ${two(w.hour)}:${two(w.minute)} (${clock.zone})`;
}

interface Reach {
  phone: string;
  tel: string;
  email: string;
}

/** The lead's phone (with its `tel:` digits) and checked e-mail, '' when none. */
function reachOf(item: NoticeItem): Reach {
  const phone = oneLine(item.lead.phone, 40);
  const digits = phone.replace(/[^\d+]/g, '');
  return {
    phone,
    tel: /^\+?\d{6,20}$/.test(digits) ? digits : '',
    email: readEmail(item.lead.email) ?? '',
  };
}

interface Section {
  title: string;
  items: NoticeItem[];
  /** The section lists several owners' leads: grouped under each owner's name. */
  byOwner: boolean;
}

function sectionsOf(mail: PlannedMail, ctx: MailContext): Section[] {
  const own = (kind: NoticeItem['kind']) => mail.own.filter((i) => i.kind === kind);
  const esc = (reassign: boolean) => mail.escalated.filter((i) => i.reassign === reassign);
  const many = (items: NoticeItem[]) => new Set(items.map((i) => i.lead.owner)).size > 1;
  // a manager is told whose leads they are; an owner's own leads are named in the first line
  const delay = `${ctx.escalateAfterHours} business h`;
  const all: Array<[string, NoticeItem[]]> = [
    ['Overdue: first contact needed now', own('overdue')],
    ['At risk: first contact due soon', own('atRisk')],
    [`Escalated to you: overdue by more than ${delay}`, esc(false)],
    ['To reassign: their owner is away', esc(true)],
  ];
  return all
    .filter(([, items]) => items.length > 0)
    .map(([what, items]) => ({
      title: `${what} (${plural(items.length, 'lead')})`,
      items: [...items].sort(byUrgency),
      byOwner: items[0]!.kind === 'escalated' || many(items),
    }));
}

function subjectOf(mail: PlannedMail, ctx: MailContext): string {
  const book = oneLine(ctx.spreadsheetName, 60);
  const count = (items: NoticeItem[], what: string) =>
    items.length ? [`${plural(items.length, 'lead')} ${what}`] : [];
  const own = [
    ...count(
      mail.own.filter((i) => i.kind === 'overdue'),
      'overdue',
    ),
    ...count(
      mail.own.filter((i) => i.kind === 'atRisk'),
      'at risk',
    ),
  ].join(', ');
  const escalated = [
    ...count(
      mail.escalated.filter((i) => !i.reassign),
      `overdue over ${ctx.escalateAfterHours} business h`,
    ),
    ...count(
      mail.escalated.filter((i) => i.reassign),
      'to reassign (owner away)',
    ),
  ].join(', ');
  if (!escalated) return `SLA: ${own} (${book})`;
  return own
    ? `SLA: ${own}; escalation: ${escalated} (${book})`
    : `SLA escalation: ${escalated} (${book})`;
}

function intro(mail: PlannedMail, ctx: MailContext): string {
  const book = oneLine(ctx.spreadsheetName, 100);
  const parts: string[] = [];
  if (mail.own.length)
    parts.push(`leads of ${oneLine(mail.owners.join(', '), 200)} need a first contact`);
  if (mail.escalated.length) parts.push('leads of your team are escalated to you');
  const text = parts.join(', and ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (${book}).`;
}

const FOOTER =
  'Sent by SLA Sheets to the addresses of the SLA Team sheet. A lead is not announced again once its first contact is entered.';

function htmlRow(item: NoticeItem, ctx: MailContext): string {
  const l = item.lead;
  const r = reachOf(item);
  const name = escapeHtml(oneLine(l.name, 80) || '(no name)');
  const company = l.company ? `<br>${escapeHtml(oneLine(l.company, 60))}` : '';
  const reach = [
    r.tel ? `<a href="tel:${r.tel}">${escapeHtml(r.phone)}</a>` : escapeHtml(r.phone),
    r.email ? `<a href="mailto:${escapeHtml(r.email)}">${escapeHtml(r.email)}</a>` : '',
  ].filter(Boolean);
  const cells = [
    `<a href="${escapeHtml(ctx.rowLink(l.row))}">${name}</a>${company}`,
    reach.join('<br>'),
    escapeHtml(l.priority),
    escapeHtml(deadlineText(item, ctx)),
    escapeHtml(timing(item, ctx)),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function textRow(item: NoticeItem, ctx: MailContext): string {
  const l = item.lead;
  const r = reachOf(item);
  const name = oneLine(l.name, 80) || '(no name)';
  const who = l.company ? `${name} (${oneLine(l.company, 60)})` : name;
  const reach = [r.phone && `phone ${r.phone}`, r.email && `e-mail ${r.email}`].filter(Boolean);
  const how = reach.length ? ` ${reach.join(', ')}.` : '';
  return `- ${who}, ${l.priority}: ${timing(item, ctx)}, deadline ${deadlineText(item, ctx)}.${how} Row ${l.row}: ${ctx.rowLink(l.row)}`;
}

/** The listed leads of a section, under each owner's name when it spans several. */
function listed(section: Section, limit: number): Array<NoticeItem | string> {
  const shown = section.items.slice(0, limit);
  if (!section.byOwner) return shown;
  const owners = [...new Set(shown.map((i) => i.lead.owner))];
  return owners.flatMap((o) => [o || '(no owner)', ...shown.filter((i) => i.lead.owner === o)]);
}

function renderSection(section: Section, limit: number, ctx: MailContext): [string, string] {
  const more = section.items.length - Math.min(limit, section.items.length);
  const head = ['Lead', 'Reach', 'Priority', 'Deadline', 'When'];
  const html = [
    `<h3>${escapeHtml(section.title)}</h3>`,
    '<table cellpadding="4" cellspacing="0" border="1">',
  ];
  html.push(`<tr>${head.map((h) => `<th align="left">${h}</th>`).join('')}</tr>`);
  const text = ['', `${section.title}:`];
  for (const line of listed(section, limit)) {
    if (typeof line === 'string') {
      html.push(`<tr><td colspan="5"><b>${escapeHtml(oneLine(line, 80))}</b></td></tr>`);
      text.push(`${oneLine(line, 80)}:`);
    } else {
      html.push(htmlRow(line, ctx));
      text.push(textRow(line, ctx));
    }
  }
  html.push('</table>');
  if (more > 0) {
    const link = escapeHtml(ctx.sheetLink);
    html.push(
      `<p>… and ${countText(more)} more: <a href="${link}">open the sheet</a> to see them all.</p>`,
    );
    text.push(`… and ${countText(more)} more: ${ctx.sheetLink}`);
  }
  return [html.join('\n'), text.join('\n')];
}

function render(mail: PlannedMail, ctx: MailContext, limit: number): MailText {
  const sections = sectionsOf(mail, ctx).map((s) => renderSection(s, limit, ctx));
  const first = intro(mail, ctx);
  const htmlBody = [
    `<p>${escapeHtml(first)}</p>`,
    ...sections.map(([html]) => html),
    `<p style="color:#666">${FOOTER}</p>`,
  ].join('\n');
  const body = [first, ...sections.map(([, text]) => text), '', FOOTER].join('\n');
  return { to: mail.to, subject: subjectOf(mail, ctx), body, htmlBody };
}

/** Bytes of a mail as sent: subject and both bodies (UTF-8). */
export function mailBytes(m: MailText): number {
  return utf8Bytes(m.subject) + utf8Bytes(m.body) + utf8Bytes(m.htmlBody);
}

/** The e-mail of one planned mail: fewer leads listed until it fits MAIL_MAX_BYTES. */
export function renderMail(mail: PlannedMail, ctx: MailContext): MailText {
  let limit = MAX_LISTED;
  let text = render(mail, ctx, limit);
  while (mailBytes(text) >= MAIL_MAX_BYTES && limit > 1) {
    limit = Math.floor(limit / 2);
    text = render(mail, ctx, limit);
  }
  return text;
}
