import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/i18n/i18n";

// SVG charts that read without colour: every bar and point carries its value
// as text, and every data point can be reached with Tab and is named for
// screen readers. The chart as a whole is a named group (not role="img"):
// an image's children are hidden from assistive technology, which would
// silence the focusable points inside it.

export type Bar = {
  key: string;
  label: string;
  /** Indentation, for goals under goals. */
  depth?: number;
  /** A heading drawn above the first bar of each group (the goal's strategy). */
  group?: string;
  value: number;
  valueText: string;
  /** Bars that stand for "none of these" are drawn in grey. */
  muted?: boolean;
};

const BAR_WIDTH = 760;
const BAR_LEFT = 8;
const VALUE_SPACE = 240;
const AXIS_TOP = 44;
const ROW = 46;
const GROUP_ROW = 30;
const INDENT = 18;
const MAX_LABEL = 90;

const clip = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** Axis ticks for kronor: millions or thousands when the amounts are large. */
export function kronorTick(max: number, t: TFunction) {
  const format =
    max >= 1_000_000
      ? (v: number) => t("dashboard.chart.millions", { value: formatNumber(v / 1_000_000, 1) })
      : max >= 10_000
        ? (v: number) => t("dashboard.chart.thousands", { value: formatNumber(v / 1_000, 0) })
        : (v: number) => `${formatNumber(v, 0)} kr`;
  return (v: number) => (v === 0 ? "0" : format(v));
}

/** Horizontal bars, one per row, each labelled with its name above and its value beside it. */
export function BarChart({
  title,
  bars,
  axisLabel,
  tickFormat,
  reference,
}: {
  title: string;
  bars: Bar[];
  axisLabel: string;
  tickFormat: (value: number) => string;
  /** A marked value such as 100 %, drawn as a dashed line. */
  reference?: { value: number; label: string };
}) {
  const { t } = useTranslation();
  const max = Math.max(0, reference?.value ?? 0, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([BAR_LEFT, BAR_WIDTH - VALUE_SPACE]);
  const ticks = x.ticks(4);

  let y = AXIS_TOP;
  const rows = bars.map((bar, i) => {
    const heading = bar.group && bar.group !== bars[i - 1]?.group ? { text: bar.group, y: y + 20 } : null;
    if (heading) y += GROUP_ROW;
    const top = y;
    y += ROW;
    return { bar, heading, top };
  });
  // The reference line's label goes under the bars, clear of the axis ticks.
  const linesEnd = y + 4;
  const height = linesEnd + (reference ? 24 : 4);
  const largest = bars.reduce<Bar | null>((a, b) => (a && a.value >= b.value ? a : b), null);
  const summary =
    largest && largest.value > 0
      ? t("dashboard.chart.barSummary", { title, count: bars.length, largest: largest.label, value: largest.valueText })
      : t("dashboard.chart.barSummaryEmpty", { title });

  return (
    <div className="chart-scroll">
      <svg className="chart chart--bars" viewBox={`0 0 ${BAR_WIDTH} ${height}`} role="group" aria-label={summary}>
        <title>{summary}</title>
        <g aria-hidden="true">
          <text className="chart__axis-label" x={BAR_LEFT} y={14}>
            {axisLabel}
          </text>
          {ticks.map((tick) => (
            <g key={tick}>
              <line className="chart__grid" x1={x(tick)} x2={x(tick)} y1={AXIS_TOP - 6} y2={linesEnd} />
              <text className="chart__tick" x={x(tick)} y={AXIS_TOP - 12} textAnchor={tick === 0 ? "start" : "middle"}>
                {tickFormat(tick)}
              </text>
            </g>
          ))}
          {reference ? (
            <g>
              <line className="chart__reference" x1={x(reference.value)} x2={x(reference.value)} y1={AXIS_TOP - 6} y2={linesEnd} />
              <text className="chart__tick" x={x(reference.value)} y={linesEnd + 16} textAnchor="middle">
                {reference.label}
              </text>
            </g>
          ) : null}
        </g>
        {rows.map(({ bar, heading, top }) => {
          const indent = (bar.depth ?? 0) * INDENT;
          const barEnd = x(bar.value);
          return (
            <g key={bar.key}>
              {heading ? (
                <text className="chart__group" x={BAR_LEFT} y={heading.y} aria-hidden="true">
                  {clip(heading.text)}
                </text>
              ) : null}
              <g className="chart__item" tabIndex={0} role="img" aria-label={`${bar.label}: ${bar.valueText}`}>
                <rect className="chart__focus" x={1} y={top + 1} width={BAR_WIDTH - 2} height={ROW - 4} rx={3} />
                <text className="chart__label" x={BAR_LEFT + indent} y={top + 17}>
                  {clip(bar.label)}
                </text>
                <rect
                  className={bar.muted ? "chart__bar chart__bar--muted" : "chart__bar"}
                  x={BAR_LEFT}
                  y={top + 23}
                  width={Math.max(0, barEnd - BAR_LEFT)}
                  height={16}
                />
                <text className="chart__value" x={barEnd + 6} y={top + 36}>
                  {bar.valueText}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

type Point = { year: number; value: number };

const LINE_WIDTH = 640;
const LINE_HEIGHT = 320;
const M = { top: 36, right: 28, bottom: 56, left: 72 };

/**
 * An indicator's measured values over the years, with its baseline and
 * target marked and the straight line between them dashed.
 */
export function IndicatorChart({
  name,
  unit,
  values,
  baseline,
  target,
}: {
  name: string;
  unit: string;
  values: Point[];
  baseline: Point | null;
  target: Point | null;
}) {
  const { t } = useTranslation();
  const show = (v: number) => `${formatNumber(v)} ${unit}`.trim();
  const all = [...values, ...(baseline ? [baseline] : []), ...(target ? [target] : [])];
  if (all.length === 0) return null;
  const years = all.map((p) => p.year);
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];
  // Half a year of room at each end keeps the first and last points and their labels off the axes.
  const x = scaleLinear()
    .domain([firstYear - 0.5, lastYear + 0.5])
    .range([M.left, LINE_WIDTH - M.right]);
  const numbers = all.map((p) => p.value);
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  // Room below and above the outermost points for their labels.
  const pad = (high - low || Math.abs(high) || 1) * 0.2;
  const y = scaleLinear()
    .domain([low - pad, high + pad])
    .nice()
    .range([LINE_HEIGHT - M.bottom, M.top]);
  const yearTicks = x.ticks(Math.min(10, lastYear - firstYear + 1)).filter(Number.isInteger);
  const path = line<Point>()
    .x((p) => x(p.year))
    .y((p) => y(p.value));

  const parts = [
    values.length
      ? t("dashboard.chart.lineValues", { first: values[0].year, last: values.at(-1)!.year, value: show(values.at(-1)!.value) })
      : t("dashboard.indicators.noValues"),
    baseline ? t("dashboard.chart.lineBaseline", { value: show(baseline.value), year: baseline.year }) : "",
    target ? t("dashboard.chart.lineTarget", { value: show(target.value), year: target.year }) : "",
  ];
  const summary = t("dashboard.chart.lineSummary", { name, values: parts.filter(Boolean).join(" ") });

  return (
    <div className="chart-scroll">
      <svg className="chart chart--line" viewBox={`0 0 ${LINE_WIDTH} ${LINE_HEIGHT}`} role="group" aria-label={summary}>
        <title>{summary}</title>
        <g aria-hidden="true">
          {y.ticks(5).map((tick) => (
            <g key={tick}>
              <line className="chart__grid" x1={M.left} x2={LINE_WIDTH - M.right} y1={y(tick)} y2={y(tick)} />
              <text className="chart__tick" x={M.left - 8} y={y(tick) + 4} textAnchor="end">
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          {yearTicks.map((year) => (
            <text key={year} className="chart__tick" x={x(year)} y={LINE_HEIGHT - M.bottom + 20} textAnchor="middle">
              {year}
            </text>
          ))}
          <line className="chart__axis" x1={M.left} x2={LINE_WIDTH - M.right} y1={LINE_HEIGHT - M.bottom} y2={LINE_HEIGHT - M.bottom} />
          <line className="chart__axis" x1={M.left} x2={M.left} y1={M.top - 8} y2={LINE_HEIGHT - M.bottom} />
          <text className="chart__axis-label" x={(M.left + LINE_WIDTH - M.right) / 2} y={LINE_HEIGHT - 10} textAnchor="middle">
            {t("dashboard.chart.yearAxis")}
          </text>
          <text className="chart__axis-label" x={8} y={M.top - 18}>
            {unit || t("dashboard.columns.value")}
          </text>
          {baseline && target ? <path className="chart__path" d={path([baseline, target]) ?? ""} /> : null}
          {values.length > 1 ? <path className="chart__series" d={path(values) ?? ""} /> : null}
        </g>
        {baseline ? (
          <g className="chart__item" tabIndex={0} role="img" aria-label={t("dashboard.chart.baselinePoint", { year: baseline.year, value: show(baseline.value) })}>
            <circle className="chart__focus" cx={x(baseline.year)} cy={y(baseline.value)} r={13} />
            <rect className="chart__baseline" x={x(baseline.year) - 7} y={y(baseline.value) - 7} width={14} height={14} />
            <text className="chart__marker-label" x={x(baseline.year) + 4} y={y(baseline.value) + 24}>
              {t("dashboard.chart.baselineLabel")}
            </text>
          </g>
        ) : null}
        {target ? (
          <g className="chart__item" tabIndex={0} role="img" aria-label={t("dashboard.chart.targetPoint", { year: target.year, value: show(target.value) })}>
            <circle className="chart__focus" cx={x(target.year)} cy={y(target.value)} r={13} />
            <path
              className="chart__target"
              d={`M${x(target.year)},${y(target.value) - 8} l8,8 l-8,8 l-8,-8 z`}
            />
            <text className="chart__marker-label" x={x(target.year) - 12} y={y(target.value) - 12} textAnchor="end">
              {`${t("dashboard.chart.targetLabel")} ${show(target.value)}`}
            </text>
          </g>
        ) : null}
        {values.map((p) => (
          <g key={p.year} className="chart__item" tabIndex={0} role="img" aria-label={t("dashboard.chart.point", { year: p.year, value: show(p.value) })}>
            <circle className="chart__focus" cx={x(p.year)} cy={y(p.value)} r={11} />
            <circle className="chart__point" cx={x(p.year)} cy={y(p.value)} r={5} />
            <text className="chart__value" x={x(p.year)} y={y(p.value) - 14} textAnchor="middle">
              {formatNumber(p.value)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

/** What the line chart's lines and marks mean, as text. */
export function IndicatorLegend() {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend">
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <line className="chart__series" x1="0" x2="28" y1="6" y2="6" />
        </svg>
        {t("dashboard.chart.measured")}
      </li>
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <line className="chart__path" x1="0" x2="28" y1="6" y2="6" />
        </svg>
        {t("dashboard.chart.path")}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <rect className="chart__baseline" x="1" y="1" width="12" height="12" />
        </svg>
        {t("dashboard.chart.baselineLabel")}
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <path className="chart__target" d="M8,0 l8,8 l-8,8 l-8,-8 z" />
        </svg>
        {t("dashboard.chart.targetLabel")}
      </li>
    </ul>
  );
}
