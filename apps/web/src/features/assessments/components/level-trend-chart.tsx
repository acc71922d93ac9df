import { useEffect, useRef } from 'react';
import { init, use as registerCharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TrendPoint } from '../api/assessments-api.ts';

registerCharts([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A small line of the final level ordinal (0 intact … 4 complete) over time; loaded only with this page. */
export function LevelTrendChart({ points, levels, label }: { points: TrendPoint[]; levels: string[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = init(element.current);
    chart.setOption({
      grid: { left: 96, right: 24, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((point) => point.date) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 4,
        interval: 1,
        axisLabel: { formatter: (value: number) => levels[value] ?? String(value) },
      },
      series: [{ type: 'line', name: label, data: points.map((point) => point.ordinal), step: 'end', symbolSize: 10 }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, levels, label]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 240 }} />;
}
