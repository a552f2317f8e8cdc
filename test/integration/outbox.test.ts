import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emlOf, outboxDirFor, writeOutbox } from '../../runtime/files/outbox.ts';
import { REPO_ROOT, saveXlsx, type WorkbookData } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** The parts of an .eml, decoded: headers by name, and each body by its content type. */
function readEml(text: string): { headers: Map<string, string>; parts: Map<string, string> } {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const headers = new Map(
    head.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
  );
  const parts = new Map<string, string>();
  const body = rest.join('\r\n\r\n');
  for (const m of body.matchAll(
    /Content-Type: (text\/\w+); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g,
  )) {
    parts.set(m[1]!, Buffer.from(m[2]!.replace(/\r\n/g, ''), 'base64').toString('utf8'));
  }
  return { headers, parts };
}

describe('the offline outbox', { timeout: 120_000 }, () => {
  it('npm start writes what would have been sent, one .eml per e-mail, and prints the count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-outbox-'));
    const book: WorkbookData = {
      name: 'Team book',
      timeZone: 'Europe/Paris',
      sheets: [
        {
          name: 'Leads',
          values: [
            ['Lead ID', 'Name', 'Company', 'Owner', 'Priority', 'Stage', 'Handed off at'],
            ['L1', 'Zoé <b>', 'Acme & Co', 'Ann', 'Hot', 'MQL', paris('2026-11-23T09:00')],
            ['L2', 'Bill', 'Initech', 'Bob', 'Hot', 'MQL', paris('2026-11-23T09:00')],
          ],
        },
        {
          name: 'SLA Team',
          values: [
            ['Owner', 'Email', 'Manager email', 'Notify', 'Time zone', 'Away from', 'Away until'],
            ['Ann', 'ann@example.com', 'mia@example.com', 'yes', '', '', ''],
            ['Bob', 'bob@example.com', 'mia@example.com', 'yes', '', '', ''],
          ],
        },
      ],
    };
    const input = join(dir, 'team.xlsx');
    await saveXlsx(book, input);
    const out = join(dir, 'team-result.xlsx');
    const run = spawnSync(
      tsx,
      [join(REPO_ROOT, 'scripts', 'start.ts'), input, '--now', '2026-11-23T15:30', '--out', out],
      {
        encoding: 'utf8',
        cwd: REPO_ROOT,
        timeout: 120_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const outbox = outboxDirFor(out);
    // 5 business hours late: each owner is told, and Mia gets one escalation for both
    expect(run.stdout).toContain(`Outbox: 3 e-mails that would have been sent, in `);
    const files = readdirSync(outbox).sort();
    expect(files).toEqual([
      '001-mia-at-example.com.eml',
      '002-ann-at-example.com.eml',
      '003-bob-at-example.com.eml',
    ]);
    const mia = readEml(readFileSync(join(outbox, files[0]!), 'utf8'));
    expect(mia.headers.get('To')).toBe('mia@example.com');
    expect(mia.headers.get('Subject')).toBe(
      'SLA escalation: 2 leads overdue over 4 business h (Team book)',
    );
    const html = mia.parts.get('text/html')!;
    expect(html).toContain('Zoé &lt;b&gt;');
    expect(html).toContain('Acme &amp; Co');
    // each owner named once, over their leads
    expect(mia.parts.get('text/plain')).toContain('\nAnn:\n- Zoé <b> (Acme & Co), Hot: ');
    // a second run on the same output replaces the outbox (notices are remembered in the
    // result workbook, not in the input: the input run again sends the same three)
    const again = spawnSync(
      tsx,
      [join(REPO_ROOT, 'scripts', 'start.ts'), input, '--now', '2026-11-23T15:30', '--out', out],
      {
        encoding: 'utf8',
        cwd: REPO_ROOT,
        timeout: 120_000,
      },
    );
    expect(again.status).toBe(0);
    expect(readdirSync(outbox)).toHaveLength(3);
  });

  it('encodes a non-ASCII subject and removes a previous run’s files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-outbox-'));
    const result = join(dir, 'book-result.xlsx');
    const mail = {
      to: 'a@example.com',
      subject: 'SLA: 1 lead at risk (Équipe)',
      body: 'é',
      at: new Date('2026-11-23T09:00:00Z'),
      options: {},
    };
    writeOutbox([mail, mail], result);
    expect(readdirSync(outboxDirFor(result))).toHaveLength(2);
    const text = emlOf(mail, 0);
    expect(text).toContain(`Subject: =?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`);
    expect(text).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(text).toContain('Date: Mon, 23 Nov 2026 09:00:00 +0000');
    writeOutbox([], result);
    expect(existsSync(outboxDirFor(result))).toBe(true);
    expect(readdirSync(outboxDirFor(result))).toEqual([]);
  });
});
