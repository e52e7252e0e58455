/**
 * Charts drawn on the server as SVG with Apache ECharts' server-side renderer, so they read
 * without JavaScript and no chart library reaches the phone. Pages show them through <img>
 * with a text alternative and the same numbers in a table beside them.
 */
import * as echarts from "echarts";

const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";
const COLORS = { actual: "#0d5c63", target: "#b4531a", muted: "#8a96a6" };

function render(option: echarts.EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export type TrendSeries = { labels: string[]; actual: (number | null)[]; target: (number | null)[] };

/** Actual values as bars, the plan's targets as a line, one category per fiscal year. */
export function trendChartSvg(params: TrendSeries & { title: string; actualName: string; targetName: string; unit: "percent" | "count" }): string {
  const percent = params.unit === "percent";
  return render(
    {
      title: { text: params.title, left: 0, textStyle: { fontSize: 15, fontFamily: FONT } },
      legend: { top: 4, right: 0, data: [params.actualName, params.targetName], textStyle: { fontFamily: FONT } },
      grid: { left: 44, right: 12, top: 48, bottom: 32 },
      xAxis: { type: "category", data: params.labels, axisLabel: { fontFamily: FONT } },
      yAxis: { type: "value", max: percent ? 100 : undefined, minInterval: percent ? undefined : 1, axisLabel: { formatter: percent ? "{value}%" : "{value}" } },
      series: [
        {
          name: params.actualName,
          type: "bar",
          data: params.actual.map((value) => (value === null ? null : Math.round(value * 10) / 10)),
          itemStyle: { color: COLORS.actual },
          label: { show: true, position: "top", formatter: percent ? "{c}%" : "{c}", fontFamily: FONT },
        },
        {
          name: params.targetName,
          type: "line",
          data: params.target,
          itemStyle: { color: COLORS.target },
          lineStyle: { type: "dashed", width: 2 },
          symbol: "diamond",
          symbolSize: 9,
        },
      ],
    },
    { width: 640, height: 300 },
  );
}

/** Horizontal bars, one per division, with the year's target as a marker line. */
export function divisionChartSvg(params: { title: string; names: string[]; percents: (number | null)[]; target: number | null; targetName: string }): string {
  return render(
    {
      title: { text: params.title, left: 0, textStyle: { fontSize: 15, fontFamily: FONT } },
      grid: { left: 190, right: 40, top: 40, bottom: 24 },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", data: params.names, inverse: true, axisLabel: { fontFamily: FONT, width: 180, overflow: "truncate" } },
      series: [
        {
          type: "bar",
          data: params.percents.map((value) => (value === null ? null : Math.round(value * 10) / 10)),
          itemStyle: { color: COLORS.actual },
          label: { show: true, position: "right", formatter: "{c}%", fontFamily: FONT },
          markLine:
            params.target === null
              ? undefined
              : { symbol: "none", data: [{ xAxis: params.target, name: params.targetName }], lineStyle: { color: COLORS.target, type: "dashed", width: 2 }, label: { formatter: `${params.targetName} {c}%`, fontFamily: FONT } },
        },
      ],
    },
    { width: 640, height: Math.max(160, 60 + params.names.length * 34) },
  );
}
