/**
 * A chart of the review as inline SVG, drawn from the same ChartCells as the workbook's native
 * charts (runtime/files/chartCells.ts): clustered columns or bars, a value axis from zero with round
 * ticks formatted like the cells, the category labels, the title. Self-contained: no script, no
 * external font; every text escaped.
 */

import { displayValue } from '../runtime/appsScript/format.ts';
import type { ChartCells } from '../runtime/files/chartCells.ts';
import { escapeHtml } from './html.ts';

const FONT = 'font-family="Arial, Helvetica, sans-serif"';
/** Average advance of a character at 12 px, to leave room for labels. */
const CHAR_PX = 6.5;
const TICKS = 5;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Round axis bounds and step covering every value and zero. */
export function valueScale(values: readonly number[]): { min: number; max: number; step: number } {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const span = hi - lo || 1;
  const raw = span / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw - 1e-12) ?? 10) * power;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step || step, step };
}

function ticksOf(scale: { min: number; max: number; step: number }): number[] {
  const n = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: n + 1 }, (_, i) => Number((scale.min + i * scale.step).toFixed(10)));
}

const text = (x: number, y: number, s: string, attrs = ''): string =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeHtml(s)}</text>`;

function rect(b: Box, fill: string, tooltip?: string): string {
  const shape = `<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${Math.max(0, b.w).toFixed(1)}" height="${Math.max(0, b.h).toFixed(1)}" fill="${fill}"`;
  return tooltip === undefined
    ? `${shape}/>`
    : `${shape}><title>${escapeHtml(tooltip)}</title></rect>`;
}

const line = (x1: number, y1: number, x2: number, y2: number, color: string): string =>
  `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${color}"/>`;

const safeColor = (c: string): string => (/^#[0-9a-f]{3,8}$/i.test(c) ? c : '#4285f4');

/** Cuts a label to about `px` pixels. */
function clip(label: string, px: number): string {
  const max = Math.max(3, Math.floor(px / CHAR_PX));
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Bars (or columns) and their value axis inside the plot box. */
function plot(chart: ChartCells, box: Box): string[] {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const scale = valueScale(values);
  const format = chart.series[0]?.format ?? 'General';
  const bar = chart.kind === 'bar';
  const along = bar ? box.w : box.h;
  const at = (v: number) => ((v - scale.min) / (scale.max - scale.min)) * along;
  const out: string[] = [];
  for (const t of ticksOf(scale)) {
    const p = at(t);
    const label = displayValue(t, format, 'UTC');
    if (bar) {
      out.push(line(box.x + p, box.y, box.x + p, box.y + box.h, '#dddddd'));
      out.push(text(box.x + p, box.y + box.h + 16, label, 'text-anchor="middle"'));
    } else {
      const y = box.y + box.h - p;
      out.push(line(box.x, y, box.x + box.w, y, '#dddddd'));
      out.push(text(box.x - 6, y + 4, label, 'text-anchor="end"'));
    }
  }
  const n = chart.categories.labels.length;
  const slot = (bar ? box.h : box.w) / Math.max(1, n);
  const thick = (slot * 0.62) / Math.max(1, chart.series.length);
  chart.categories.labels.forEach((label, i) => {
    const start = i * slot + slot * 0.19;
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const from = at(Math.max(scale.min, Math.min(0, v)));
      const len = Math.abs(at(v) - at(0));
      const across = start + k * thick;
      const color = safeColor(chart.colors[k % chart.colors.length]!);
      const b = bar
        ? { x: box.x + from, y: box.y + across, w: len, h: thick }
        : { x: box.x + across, y: box.y + box.h - from - len, w: thick, h: len };
      out.push(rect(b, color, `${label}: ${displayValue(v, s.format, 'UTC')}`));
    });
    const mid = i * slot + slot / 2;
    out.push(
      bar
        ? text(box.x - 8, box.y + mid + 4, clip(label, box.x - 12), 'text-anchor="end"')
        : text(box.x + mid, box.y + box.h + 16, clip(label, slot - 4), 'text-anchor="middle"'),
    );
  });
  const zero = at(0);
  out.push(
    bar
      ? line(box.x + zero, box.y, box.x + zero, box.y + box.h, '#666666')
      : line(box.x, box.y + box.h - zero, box.x + box.w, box.y + box.h - zero, '#666666'),
  );
  return out;
}

function legend(chart: ChartCells, x: number, y: number): string[] {
  if (!chart.legend || chart.series.length < 2) return [];
  return chart.series.flatMap((s, k) => [
    rect({ x, y: y + k * 18, w: 10, h: 10 }, safeColor(chart.colors[k % chart.colors.length]!)),
    text(x + 14, y + k * 18 + 9, s.name),
  ]);
}

/** The chart as an `<svg>` element of its size in the sheet. */
export function chartSvg(chart: ChartCells): string {
  const { width, height } = chart;
  const longest = Math.max(4, ...chart.categories.labels.map((l) => l.length));
  const labelPx = chart.kind === 'bar' ? Math.min(width * 0.35, 20 + CHAR_PX * longest) : 56;
  const legendPx = chart.legend && chart.series.length > 1 ? 140 : 0;
  const box: Box = { x: labelPx, y: 48, w: width - labelPx - 24 - legendPx, h: height - 48 - 40 };
  const body = [
    `<rect width="${width}" height="${height}" fill="#ffffff" stroke="#dddddd"/>`,
    text(width / 2, 28, chart.title, 'text-anchor="middle" font-size="15"'),
    ...plot(chart, box),
    ...legend(chart, width - legendPx + 8, box.y),
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12" fill="#222222">` +
    `<title>${escapeHtml(chart.title)}</title>${body.join('')}</svg>`
  );
}
