import { useEffect, useRef } from 'react';
import { init, use as registerCharts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

registerCharts([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartSeries = { name: string; values: readonly (number | null)[] };
type Props = {
  label: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  kind?: 'line' | 'bar';
  height?: number;
  dark?: boolean;
  horizontal?: boolean;
};

/** A line or bar chart drawn locally on a canvas (echarts, bundled: nothing fetched). */
export function SimpleChart(props: Props) {
  const { label, height = 260 } = props;
  const element = useRef<HTMLDivElement>(null);
  // one chart per distinct content: a re-render with equal data keeps the drawn chart
  const signature = JSON.stringify([props.categories, props.series, props.kind, props.dark, props.horizontal]);
  useEffect(() => {
    if (!element.current) return undefined;
    // JSON turns an absent option into null: read each with its default
    const [categories, series, kind, dark, horizontal] = JSON.parse(signature) as [
      string[],
      ChartSeries[],
      Props['kind'] | null,
      boolean | null,
      boolean | null,
    ];
    const chart = init(element.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(categories, series, kind ?? 'line', dark ?? false, horizontal ?? false));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [signature]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

function optionOf(
  categories: string[],
  series: ChartSeries[],
  kind: 'line' | 'bar',
  dark: boolean,
  horizontal: boolean,
) {
  const textColor = dark ? '#f0f0f0' : '#1a1a1a';
  const category = {
    type: 'category' as const,
    data: categories,
    axisLabel: { color: textColor, fontSize: 13, interval: categories.length > 8 ? 'auto' : 0 },
  };
  const value = {
    type: 'value' as const,
    splitNumber: horizontal ? 3 : 4,
    axisLabel: { color: textColor, fontSize: 13 },
  };
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 8, right: 40, top: series.length > 1 ? 48 : 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0, textStyle: { color: textColor, fontSize: 14 } } : undefined,
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((entry) => ({
      type: kind,
      name: entry.name,
      data: entry.values,
      symbolSize: 8,
      connectNulls: false,
      label: kind === 'bar' ? { show: true, position: horizontal ? 'right' : 'top', color: textColor } : undefined,
    })),
  };
}
