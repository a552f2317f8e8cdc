/** Embedded charts: Sheet.newChart() builders and the charts a sheet holds. */
import { type Env, makeEnum } from './env.ts';
import { FakeRange } from './range.ts';
import { signatureError } from './signatureError.ts';

export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const);

export interface ChartData {
  id: number;
  type: string;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

export class FakeEmbeddedChart {
  constructor(
    private readonly env: Env,
    readonly data: ChartData,
  ) {}
  getChartId(): number {
    return this.data.id;
  }
  getId(): string {
    return `chart-${this.data.id}`;
  }
  getRanges(): FakeRange[] {
    this.env.touch('EmbeddedChart.getRanges', 'read');
    return this.data.ranges.slice();
  }
  getOptions(): { get(key: string): unknown } {
    const o = this.data.options;
    return { get: (key: string) => o[key] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = this.data.position;
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): FakeEmbeddedChartBuilder {
    this.env.touch('EmbeddedChart.modify', 'read');
    return new FakeEmbeddedChartBuilder(this.env, {
      ...this.data,
      ranges: this.data.ranges.slice(),
      options: { ...this.data.options },
    });
  }
}

export class FakeEmbeddedChartBuilder {
  private d: ChartData;
  constructor(
    private readonly env: Env,
    init: ChartData,
  ) {
    this.d = init;
  }
  private opt(name: string, key: string, value: unknown): this {
    this.env.touch(`EmbeddedChartBuilder.${name}`, 'free');
    this.d.options[key] = value;
    return this;
  }
  addRange(range: FakeRange): this {
    this.env.touch('EmbeddedChartBuilder.addRange', 'free');
    if (!(range instanceof FakeRange))
      throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.addRange', [range]);
    this.d.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange): this {
    this.env.touch('EmbeddedChartBuilder.removeRange', 'free');
    this.d.ranges = this.d.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.d.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return this.d.ranges.slice();
  }
  setChartType(type: unknown): this {
    this.env.touch('EmbeddedChartBuilder.setChartType', 'free');
    this.d.type = String(type);
    return this;
  }
  getChartType(): unknown {
    return ChartType[this.d.type as keyof typeof ChartType];
  }
  private as(type: string): this {
    this.env.touch(`EmbeddedChartBuilder.as${type}Chart`, 'free');
    this.d.type = type.toUpperCase();
    return this;
  }
  asBarChart(): this {
    return this.as('Bar');
  }
  asColumnChart(): this {
    return this.as('Column');
  }
  asLineChart(): this {
    return this.as('Line');
  }
  asPieChart(): this {
    return this.as('Pie');
  }
  asAreaChart(): this {
    return this.as('Area');
  }
  asComboChart(): this {
    return this.as('Combo');
  }
  asScatterChart(): this {
    return this.as('Scatter');
  }
  asTableChart(): this {
    return this.as('Table');
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.env.touch('EmbeddedChartBuilder.setPosition', 'free');
    this.d.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): this {
    return this.opt('setOption', key, value);
  }
  setTitle(title: string): this {
    return this.opt('setTitle', 'title', title);
  }
  setXAxisTitle(title: string): this {
    return this.opt('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.opt('setYAxisTitle', 'vAxis.title', title);
  }
  setLegendPosition(pos: unknown): this {
    return this.opt('setLegendPosition', 'legend.position', String(pos).toLowerCase());
  }
  setStacked(): this {
    return this.opt('setStacked', 'isStacked', true);
  }
  setColors(colors: string[]): this {
    return this.opt('setColors', 'colors', colors);
  }
  setNumHeaders(n: number): this {
    return this.opt('setNumHeaders', 'numHeaders', n);
  }
  setTransposeRowsAndColumns(t: boolean): this {
    return this.opt('setTransposeRowsAndColumns', 'transpose', t);
  }
  setMergeStrategy(s: unknown): this {
    return this.opt('setMergeStrategy', 'mergeStrategy', String(s));
  }
  setHiddenDimensionStrategy(s: unknown): this {
    return this.opt('setHiddenDimensionStrategy', 'hiddenDimensionStrategy', String(s));
  }
  build(): FakeEmbeddedChart {
    this.env.touch('EmbeddedChartBuilder.build', 'free');
    return new FakeEmbeddedChart(this.env, {
      ...this.d,
      ranges: this.d.ranges.slice(),
      options: { ...this.d.options },
    });
  }
}
