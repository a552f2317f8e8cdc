import { plural } from '../common/plural.ts';
import { REASSIGN_MARK } from '../sla/leadCheck.ts';
import type { NoticeItem, PlannedMail } from './notices.ts';

/**
 * The text of a notice e-mail: a plain-text body and an HTML one. Every value that comes from
 * the sheet (names, companies, owners, the spreadsheet's name) is user text: escaped in HTML,
 * stripped of line breaks in the subject, never turned into a link. The only link is the one
 * we build to the lead's row. Pure.
 */

export interface MailText {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

export interface MailContext {
  spreadsheetName: string;
  /** The URL of a Leads row: `…/edit#gid=123&range=A12`. */
  rowLink: (row: number) => string;
  /** A deadline as the recipient reads it, e.g. `Mon 23 Nov, 14:05 (Europe/Paris)`. */
  formatDeadline: (item: NoticeItem) => string;
  escalateAfterHours: number;
}

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

/** `3 h 10 min late`, `45 min left`: the status cell's detail after its word. */
function timing(item: NoticeItem): string {
  const detail = item.lead.detail;
  const cut = detail.indexOf(' · ');
  return cut < 0 ? item.lead.status : detail.slice(cut + 3);
}

function counts(items: readonly NoticeItem[]): string {
  const over = items.filter((i) => i.kind === 'overdue').length;
  const risk = items.filter((i) => i.kind === 'atRisk').length;
  const parts: string[] = [];
  if (over) parts.push(`${plural(over, 'lead')} overdue`);
  if (risk) parts.push(`${plural(risk, 'lead')} at risk`);
  return parts.join(', ');
}

function subjectOf(mail: PlannedMail, ctx: MailContext): string {
  const book = oneLine(ctx.spreadsheetName, 60);
  if (mail.role === 'owner') return `SLA: ${counts(mail.items)} (${book})`;
  const reassign = mail.items.filter((i) => i.reassign).length;
  const late = mail.items.length - reassign;
  const parts: string[] = [];
  if (late) parts.push(`${plural(late, 'lead')} overdue over ${ctx.escalateAfterHours} business h`);
  if (reassign) parts.push(`${plural(reassign, 'lead')} to reassign (owner away)`);
  return `SLA escalation: ${parts.join(', ')} (${book})`;
}

function intro(mail: PlannedMail, ctx: MailContext): string {
  if (mail.role === 'owner') {
    return `These leads of ${mail.about} need a first contact now (${ctx.spreadsheetName}).`;
  }
  return `These leads of ${mail.about} are escalated to you: overdue by more than ${ctx.escalateAfterHours} business hours, or their owner is away and they need another owner (${ctx.spreadsheetName}).`;
}

const COLUMNS = ['Lead', 'Company', 'Priority', 'Owner', 'Deadline', 'Status', 'Row'];

function cells(item: NoticeItem, ctx: MailContext): string[] {
  const l = item.lead;
  const t = timing(item);
  const status = item.reassign && !t.endsWith(REASSIGN_MARK) ? `${t}${REASSIGN_MARK}` : t;
  return [l.name || '(no name)', l.company, l.priority, l.owner, ctx.formatDeadline(item), status];
}

function htmlRow(item: NoticeItem, ctx: MailContext): string {
  const tds = cells(item, ctx).map((c) => `<td>${escapeHtml(oneLine(c))}</td>`);
  const link = escapeHtml(ctx.rowLink(item.lead.row));
  tds.push(`<td><a href="${link}">row ${item.lead.row}</a></td>`);
  return `<tr>${tds.join('')}</tr>`;
}

function textRow(item: NoticeItem, ctx: MailContext): string {
  const [name, company, priority, owner, deadline, status] = cells(item, ctx).map((c) =>
    oneLine(c),
  );
  const who = company ? `${name} (${company})` : name;
  return `- ${who}, ${priority}, owner ${owner}: deadline ${deadline}, ${status}. Row ${item.lead.row}: ${ctx.rowLink(item.lead.row)}`;
}

/** The e-mail of one planned mail. */
export function renderMail(mail: PlannedMail, ctx: MailContext): MailText {
  const head = COLUMNS.map((c) => `<th align="left">${c}</th>`).join('');
  const rows = mail.items.map((i) => htmlRow(i, ctx)).join('\n');
  const htmlBody = [
    `<p>${escapeHtml(intro(mail, ctx))}</p>`,
    `<table cellpadding="4" cellspacing="0" border="1">`,
    `<tr>${head}</tr>`,
    rows,
    '</table>',
    '<p style="color:#666">Sent by SLA Sheets from the SLA Team sheet. Notices stop once the first contact is entered.</p>',
  ].join('\n');
  const body = [intro(mail, ctx), '', ...mail.items.map((i) => textRow(i, ctx))].join('\n');
  return { to: mail.to, subject: subjectOf(mail, ctx), body, htmlBody };
}
