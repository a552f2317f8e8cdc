/** The monthly review as an HTML page (scripts/reviewHtml.ts) from the sheet the bundle wrote. */
import { describe, expect, it } from 'vitest';
import { chartsBySheet } from '../../runtime/files/chartCells.ts';
import { blocksOf } from '../../scripts/reviewHtml.ts';
import { valueScale } from '../../scripts/svgChart.ts';
import { RAG_COLOURS } from '../../src/core/review/blocks.ts';
import { REVIEW_MONTH, reviewedRuntime, reviewPage } from '../fixtures/reviewPage.ts';

describe('the review page', () => {
  const rt = reviewedRuntime();
  const html = reviewPage(rt);
  const sheet = rt.spreadsheet.findSheet(`SLA Review ${REVIEW_MONTH}`)!;

  it('shows user text as text: a lead named <script>…</script> is escaped', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('No budget &lt;this year&gt;');
    expect(html).toContain('Bob &quot;B&quot; Smith');
    expect(html).toContain('<title>SLA Review 2026-03 · Team &lt;pipeline&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });

  it('is self-contained: no script, stylesheet, font, image or frame from elsewhere', () => {
    expect(html).not.toMatch(/<(script|link|iframe|img|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // the only URL is the SVG namespace
    expect(html.match(/https?:\/\/[^\s"']+/g) ?? []).toEqual([
      'http://www.w3.org/2000/svg',
      'http://www.w3.org/2000/svg',
    ]);
  });

  it('has one table per section of the sheet, with its values and status colours', () => {
    const blocks = blocksOf(
      sheet
        .getDataRange()
        .getDisplayValues()
        .map((r) => r.map((text) => ({ text, background: null, bold: false, numeric: false }))),
    );
    expect(html.match(/<table>/g)).toHaveLength(blocks.length - 1);
    expect(html).toContain('<h1>SLA monthly review · March 2026</h1>');
    expect(html).toContain('<h2>Marketing&#39;s commitment: how many and how good</h2>');
    expect(html).toContain('<h2>Rejected leads to re-evaluate together (1)</h2>');
    const colours = Object.values(RAG_COLOURS).filter((c): c is string => c !== null);
    const used = colours.filter((c) => html.includes(`style="background:${c}"`));
    expect(used.length).toBeGreaterThan(0);
    // the rejected lead's hand-off date, shown as the sheet shows it
    expect(html).toContain('<td class="num">2026-03-05 09:30</td>');
  });

  it("shows the agreement's figures: missing data, the returned leads, attempts by channel", () => {
    expect(html).toContain('<td>2 of 6 hand-offs: 2 without a Phone (amber ≤ 5 %)</td>');
    expect(html).toContain('<h2>Leads returned to marketing (1): reason and nurture track</h2>');
    expect(html).toContain('<td>No answer after 5 attempts</td><td>Re-engagement nurture</td>');
    expect(html).toContain(
      '<h2>Attempts by channel: the activity log&#39;s done activities of March 2026 counted as attempts</h2>',
    );
    expect(html).toMatch(/<td>All attempts logged<\/td><td class="num">5<\/td>/);
  });

  it("draws the two charts as SVG from the sheet's cells", () => {
    const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    const charts = chartsBySheet([sheet]).get(sheet.sheetName)!;
    expect(charts.map((c) => c.kind)).toEqual(['column', 'bar']);
    svgs.forEach((svg, i) => {
      const chart = charts[i]!;
      expect(svg).toContain(`<title>${chart.title}</title>`);
      const bars = chart.series[0]!.values.filter((v) => v !== null).length;
      expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(bars);
    });
    expect(svgs[1]).toContain('Bob &quot;B&quot; Smith');
  });
});

describe('valueScale', () => {
  it('covers the values and zero with round steps', () => {
    expect(valueScale([75, 71, 44, 28, 9])).toEqual({ min: 0, max: 80, step: 20 });
    expect(valueScale([0.75, 0.84])).toEqual({ min: 0, max: 1, step: 0.2 });
    expect(valueScale([])).toEqual({ min: 0, max: 0.2, step: 0.2 });
    expect(valueScale([-3, 12])).toEqual({ min: -5, max: 15, step: 5 });
  });
});
