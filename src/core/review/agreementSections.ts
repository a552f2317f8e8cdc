import { userText } from '../common/cell.ts';
import type { ChannelCount } from './agreementFacts.ts';
import type { CellValue, Table } from './blocks.ts';
import { KPIS } from './kpis.ts';
import type { ReturnedRow } from './rejected.ts';
import type { Review } from './review.ts';
import { listedCells, REJECTED_FORMATS, REJECTED_HEADER } from './sections.ts';

/** The review's sections on the agreement's rules: the returned leads, the attempts by channel. */

const RETURNED_HEADER = [
  ...REJECTED_HEADER.slice(0, 6),
  'Returned on',
  'Reason',
  'Nurture track',
  'Agreed reason',
];
const RETURNED_FORMATS = [...REJECTED_FORMATS, 'General', 'General'];

/** The month's returns to marketing, with the reason, the track and whether the reason is agreed. */
export function returnedTable(returned: readonly ReturnedRow[]): Table {
  const rows: CellValue[][] = returned.map((r) => [
    ...listedCells(r),
    new Date(r.at),
    r.reason === '' ? '(no reason given)' : userText(r.reason),
    r.track === null ? 'none: re-evaluate together' : userText(r.track),
    r.agreed ? 'yes' : 'no',
  ]);
  return {
    title: `${KPIS.returned.label} (${returned.length}): reason and nurture track`,
    header: RETURNED_HEADER,
    rows: rows.length ? rows : [['None this month']],
    formats: rows.map(() => RETURNED_FORMATS),
  };
}

/**
 * The month's logged attempts by agreed channel, then the others, and all of them; null (no
 * section) when no activity log is read.
 */
export function channelTable(review: Review): Table | null {
  const counts = review.byChannel;
  if (counts === null) return null;
  const total = counts.reduce((n, c) => n + c.attempts, 0);
  const share = (n: number): CellValue => (total ? n / total : '');
  const rows: CellValue[][] = counts.map((c: ChannelCount) => [
    c.agreed ? userText(c.channel) : c.channel,
    c.attempts,
    share(c.attempts),
  ]);
  rows.push(['All attempts logged', total, share(total)]);
  return {
    title: `Attempts by channel: the activity log's done activities of ${review.label} counted as attempts`,
    header: ['Channel', 'Attempts', 'Share of attempts'],
    rows,
    formats: rows.map(() => ['General', '#,##0', '0%']),
  };
}
