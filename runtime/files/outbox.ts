/**
 * The outbox of an offline run: every e-mail MailApp would have sent, one `.eml` file each
 * (plain text and HTML parts), in a folder beside the result workbook. Any mail program opens
 * them; nothing is sent.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { SentMail } from '../appsScript/services.ts';

export interface Outbox {
  /** The folder (created only when there is something to write). */
  dir: string;
  files: string[];
}

/** `out/book-result.xlsx` → `out/book-result-outbox`. */
export function outboxDirFor(resultPath: string): string {
  return join(dirname(resultPath), `${basename(resultPath, extname(resultPath))}-outbox`);
}

const FROM = '"SLA Sheets (offline run, not sent)" <sla-sheets@localhost>';

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A header value: as it is when plain ASCII, else RFC 2047 UTF-8 words. */
function headerText(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  return `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

/** One mail as an RFC 5322 message: multipart/alternative when it has an HTML body. */
export function emlOf(mail: SentMail, index: number): string {
  const boundary = `sla-sheets-${index}-${mail.at.getTime()}`;
  const head = [
    `From: ${FROM}`,
    `To: ${mail.to}`,
    `Subject: ${headerText(mail.subject)}`,
    `Date: ${mail.at.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <outbox-${index}-${mail.at.getTime()}@sla-sheets.localhost>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) =>
    [
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join('\r\n');
  if (mail.htmlBody === undefined) return [...head, part('text/plain', mail.body), ''].join('\r\n');
  return [
    ...head,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    part('text/plain', mail.body),
    `--${boundary}`,
    part('text/html', mail.htmlBody),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

function fileName(mail: SentMail, index: number): string {
  const to = mail.to
    .replace(/@/g, '-at-')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 60);
  return `${String(index + 1).padStart(3, '0')}-${to}.eml`;
}

/**
 * Writes the outbox beside the result: the folder's earlier `.eml` files are removed first, so
 * it holds exactly this run's mails.
 */
export function writeOutbox(mails: readonly SentMail[], resultPath: string): Outbox {
  const dir = outboxDirFor(resultPath);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) if (f.endsWith('.eml')) rmSync(join(dir, f));
  }
  if (mails.length === 0) return { dir, files: [] };
  mkdirSync(dir, { recursive: true });
  const files = mails.map((mail, i) => {
    const path = join(dir, fileName(mail, i));
    writeFileSync(path, emlOf(mail, i));
    return path;
  });
  return { dir, files };
}

/** One line for the terminal. */
export function describeOutbox(outbox: Outbox, cwd = process.cwd()): string {
  const n = outbox.files.length;
  if (n === 0) return 'Outbox: no e-mail would have been sent';
  const where = relative(cwd, outbox.dir) || outbox.dir;
  return `Outbox: ${n} e-mail${n === 1 ? '' : 's'} that would have been sent, in ${where}/`;
}
