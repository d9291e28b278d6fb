// ECharts, bundled from its modular build with only what the console draws (about a third of the
// full library); it lands in the chunk shared by the pages that chart.
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
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

/** A chart that follows its container's size (phone rotation, window resize). */
export function chart(el: HTMLElement, option: ChartOption) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  c.setOption(option);
  window.addEventListener('resize', () => c.resize());
  return c;
}
