/**
 * The live preview: the server reads the Leads rows with the unsaved settings (debounced; only
 * the latest answer is shown). The Scoring tab shows the counts; the Fields tab, through
 * `onPreview`, what each column and value reads as.
 */
import { errorText } from '../src/core/common/errors.ts';
import { pluralWord } from '../src/core/common/plural.ts';
import type { SidebarPreviewResult } from '../src/sidebarContract.ts';
import { type Child, h, replaceChildren } from './dom.ts';
import { fmtNumber } from './format.ts';
import { server } from './server.ts';
import { state } from './state.ts';

export const previewBox = h('section', {
  class: 'preview',
  'aria-live': 'polite',
  'aria-label': 'Preview',
});

let timer: ReturnType<typeof setTimeout> | undefined;
let key = '';
let seq = 0;
let last: SidebarPreviewResult | null = null;
export type PreviewStatus = 'idle' | 'waiting' | 'invalid' | 'error';
let status: PreviewStatus = 'idle';
let failure = '';
const listeners: Array<() => void> = [];

/** Runs `listener` after each answer or change of status. */
export function onPreview(listener: () => void): void {
  listeners.push(listener);
}

/** The latest answer (null before the first), its status, and why the last call failed. */
export function previewState(): {
  result: SidebarPreviewResult | null;
  status: PreviewStatus;
  failure: string;
} {
  return { result: last, status, failure };
}

/** After a change: asks again when what the preview depends on changed and is valid. */
export function schedulePreview(): void {
  if (state.issues.length > 0) {
    status = 'invalid';
    key = '';
    seq++; // an answer still on its way is for settings no longer shown
    clearTimeout(timer);
    renderPreview();
    return;
  }
  const d = state.draft;
  const next = JSON.stringify([
    d.scoring,
    d.plan,
    d.calendar.timeZone,
    d.mapping,
    d.handoff.clockStart,
  ]);
  if (next === key) return;
  key = next;
  status = 'waiting';
  renderPreview();
  clearTimeout(timer);
  timer = setTimeout(runPreview, last ? 400 : 0);
}

function runPreview(): void {
  const mine = ++seq;
  server
    .sidebarPreview(JSON.stringify(state.draft))
    .then((result) => {
      if (mine !== seq) return;
      last = result;
      status = 'idle';
      renderPreview();
    })
    .catch((error: unknown) => {
      if (mine !== seq) return;
      status = 'error';
      failure = errorText(error);
      key = '';
      renderPreview();
    });
}

function counts(p: SidebarPreviewResult): Child[] {
  const cap = p.capacity;
  const parts: Child[] = [
    h(
      'p',
      { class: 'preview-main', 'data-testid': 'preview-text' },
      'With these rules: ',
      h('strong', {}, `${fmtNumber(p.qualified)} MQL`),
      ', ',
      h('strong', {}, `${fmtNumber(p.handoff)} to hand off`),
      cap.source === 'none'
        ? '.'
        : h(
            'span',
            {},
            '; your reps can take ',
            h('strong', {}, `${fmtNumber(cap.perWeek)} a week`),
            '.',
          ),
    ),
    h(
      'p',
      { class: 'preview-detail' },
      `Out of ${fmtNumber(p.leads)} ${pluralWord(p.leads, 'lead')} in the sheet (MQL counts the hand-offs too). Grades: A ${p.byGrade.A}, B ${p.byGrade.B}, C ${p.byGrade.C}, D ${p.byGrade.D}.`,
    ),
    h(
      'p',
      { class: 'preview-detail', 'data-testid': 'preview-month' },
      p.thisMonth.leads
        ? `${p.thisMonth.label}: ${fmtNumber(p.thisMonth.leads)} new ${pluralWord(p.thisMonth.leads, 'lead')}, ${fmtNumber(p.thisMonth.qualified)} MQL, ${fmtNumber(p.thisMonth.handoff)} to hand off.`
        : `${p.thisMonth.label}: no new leads yet.`,
    ),
    h('p', { class: 'preview-detail' }, cap.explanation),
  ];
  if (p.unknownColumns.length) {
    parts.push(
      h(
        'p',
        { class: 'preview-detail warning-text' },
        `Ignored, column not in Leads: ${p.unknownColumns.map((u) => `${u.label} (${u.column})`).join(', ')}.`,
      ),
    );
  }
  return parts;
}

function renderPreview(): void {
  const p = last;
  const parts: Child[] = [];
  if (p && !p.leadsSheetFound) parts.push(h('p', {}, 'No Leads sheet to preview the rules on.'));
  else if (p) parts.push(...counts(p));
  else parts.push(h('p', { class: 'preview-detail' }, 'Counting the leads…'));
  if (status === 'waiting' && p) {
    parts.push(h('p', { class: 'preview-state' }, 'Updating…'));
  } else if (status === 'invalid') {
    parts.push(h('p', { class: 'preview-state' }, 'Fix the highlighted fields to update.'));
  } else if (status === 'error') {
    parts.push(h('p', { class: 'preview-state error-text' }, `Preview failed: ${failure}`));
  }
  previewBox.classList.toggle('stale', status !== 'idle');
  replaceChildren(previewBox, ...parts);
  for (const listener of listeners) listener();
}
