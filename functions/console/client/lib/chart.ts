// ECharts, bundled from its modular build with only what the console draws (about a third of the
// full library); it lands in the chunk shared by the pages that chart.
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { en, h } from './dom';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, RadarChart, GraphicComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | GraphicComponentOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/**
 * A chart that follows its container's size (phone rotation, window resize). A canvas says nothing
 * to a screen reader or a keyboard: the same numbers follow it as a table, folded under 数据表.
 */
export function chart(el: HTMLElement, option: ChartOption, label: string) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  c.setOption(option);
  window.addEventListener('resize', () => c.resize());
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', `${label}（数据见下表 / data in the table below）`);
  const rows = tableOf(option);
  if (rows) el.after(dataTable(label, rows, el.dataset.testid));
  return c;
}

type Cell = string | number;
const text = (v: unknown): string => String(v ?? '').replace(/\n/g, ' ');
const seriesOf = (option: ChartOption) => (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { name?: unknown; type?: string; data?: unknown[] }[];
const valueOf = (d: unknown): Cell => (d !== null && typeof d === 'object' && 'value' in d ? (d.value as Cell) : (d as Cell)) ?? '';

/** The numbers a chart draws, as a header and rows: category × series, pie slices, or radar axes × series. */
function tableOf(option: ChartOption): Cell[][] | null {
  const series = seriesOf(option);
  if (!series.length) return null;
  const first = series[0]!;
  if (first.type === 'pie') return [['', '数值 Value'], ...(first.data ?? []).map((d) => [text((d as { name?: unknown }).name), valueOf(d)])];
  if (first.type === 'radar') {
    const radar = (Array.isArray(option.radar) ? option.radar[0] : option.radar) as { indicator?: { name?: unknown }[] } | undefined;
    const data = (first.data ?? []) as { name?: unknown; value?: Cell[] }[];
    return [['', ...data.map((d) => text(d.name))], ...(radar?.indicator ?? []).map((ind, i) => [text(ind.name), ...data.map((d) => d.value?.[i] ?? '')])];
  }
  const x = (Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis) as { data?: unknown[] } | undefined;
  if (!x?.data) return null;
  return [['', ...series.map((s) => text(s.name))], ...x.data.map((cat, i) => [text(cat), ...series.map((s) => valueOf(s.data?.[i]))])];
}

function dataTable(label: string, [head, ...rows]: Cell[][], testid?: string): HTMLElement {
  const shown = (v: Cell) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : v);
  return h('details', { class: 'chart-table', 'data-testid': testid ? `${testid}-table` : null },
    h('summary', null, '数据表 ', en('Data table')),
    h('div', { class: 'table-wrap' }, h('table', null,
      h('caption', { class: 'small muted' }, label),
      h('thead', null, h('tr', null, head!.map((v) => h('th', { scope: 'col', class: v ? 'num' : '' }, shown(v))))),
      h('tbody', null, rows.map(([name, ...values]) => h('tr', null, h('th', { scope: 'row' }, shown(name!)), values.map((v) => h('td', { class: 'num' }, shown(v)))))))));
}
