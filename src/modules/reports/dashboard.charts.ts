// Charts rendered on the server with ECharts' SVG SSR renderer. The SVG carries style attributes,
// which the CSP (style-src 'self') forbids inline in a page, so pages show it as an image from a
// data: URL (img-src allows data:). Every chart has its numbers in a table beneath (UX.md), and
// series differ by pattern (decal) as well as colour: colour is never the only carrier of meaning.
import * as echarts from 'echarts';

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  data: number[];
}

export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  width?: number;
  height?: number;
  /** Horizontal bars (long category names, e.g. departments). */
  horizontal?: boolean;
}

export function chartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const category = { type: 'category' as const, data: spec.categories, axisLabel: { interval: 0, hideOverlap: true } };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif' },
      legend: { top: 0, data: spec.series.map((s) => s.name) },
      grid: { left: spec.horizontal ? 140 : 48, right: 24, top: 40, bottom: 32 },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? { ...category, inverse: true } : value,
      series: spec.series.map((s) => ({
        name: s.name, type: s.kind, data: s.data, label: { show: s.kind === 'bar', position: spec.horizontal ? 'right' : 'top' },
        ...(s.kind === 'line' ? { symbol: 'circle', symbolSize: 6 } : {}),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG as a data: URL for an <img src>, allowed by the CSP where inline SVG styles are not. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
