/**
 * Layout of the report's charts: one horizontal row per item on a fixed scale, drawn as a dot with its
 * 95% interval (scores) or as a bar from zero (rates and shares), with the item's target as a tick and,
 * for bars, the previous period as a thinner bar. Pure numbers in SVG user units, so it is tested
 * without a browser and prints the same at any size (the SVG scales through its viewBox).
 */

export interface ChartRow {
  label: string;
  value: number | null;
  interval?: readonly [number, number] | null;
  previous?: number | null;
  target?: number | null;
  /** A missed target draws the value in the warning colour (and says so in the table). */
  missed?: boolean;
}

export interface ChartScale {
  domain: readonly [number, number];
  ticks: readonly number[];
}

/** The fixed scales of the report's metrics: a chart never stretches a small difference across the page. */
export const SCALES = {
  csat: { domain: [1, 5], ticks: [1, 2, 3, 4, 5] },
  ces: { domain: [1, 7], ticks: [1, 2, 3, 4, 5, 6, 7] },
  nps: { domain: [-100, 100], ticks: [-100, -50, 0, 50, 100] },
  percent: { domain: [0, 100], ticks: [0, 25, 50, 75, 100] },
} as const satisfies Record<string, ChartScale>;

/** A share scale from 0 to the largest share rounded up to the next 10%, ticks every 10% (every 20% past 50%). */
export function shareScale(maxPercent: number): ChartScale {
  const top = Math.min(100, Math.max(10, Math.ceil(maxPercent / 10) * 10));
  const step = top > 50 ? 20 : 10;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { domain: [0, top], ticks };
}

export const CHART_WIDTH = 640;
export const LABEL_WIDTH = 180;
const RIGHT_PAD = 16;
export const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 22;

export interface RowLayout {
  label: string;
  y: number;
  /** x of the value (dot centre or bar end); null without a value. */
  x: number | null;
  /** Interval ends, clamped to the plot. */
  whisker: [number, number] | null;
  /** Bar from the zero line (bars only). */
  bar: { x: number; width: number } | null;
  previousBar: { x: number; width: number } | null;
  targetX: number | null;
  missed: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: Array<{ value: number; x: number }>;
  rows: RowLayout[];
}

export function rowChartLayout(rows: readonly ChartRow[], scale: ChartScale, kind: 'dot' | 'bar'): ChartLayout {
  const [lo, hi] = scale.domain;
  const left = LABEL_WIDTH;
  const right = CHART_WIDTH - RIGHT_PAD;
  const clamp = (value: number) => Math.min(hi, Math.max(lo, value));
  const x = (value: number) => left + ((clamp(value) - lo) / (hi - lo)) * (right - left);
  const zero = x(0); // clamped: a scale above zero starts its bars at its low end
  const barOf = (value: number | null | undefined) => {
    if (value === null || value === undefined) return null;
    const end = x(value);
    return { x: Math.min(zero, end), width: Math.abs(end - zero) };
  };
  const top = 4;
  return {
    width: CHART_WIDTH,
    height: top + rows.length * ROW_HEIGHT + AXIS_HEIGHT,
    plot: { left, right, top, bottom: top + rows.length * ROW_HEIGHT },
    ticks: scale.ticks.map((value) => ({ value, x: x(value) })),
    rows: rows.map((row, index) => ({
      label: row.label,
      y: top + index * ROW_HEIGHT + ROW_HEIGHT / 2,
      x: row.value === null ? null : x(row.value),
      whisker: kind === 'dot' && row.interval ? [x(row.interval[0]), x(row.interval[1])] : null,
      bar: kind === 'bar' ? barOf(row.value) : null,
      previousBar: kind === 'bar' ? barOf(row.previous) : null,
      targetX: row.target === null || row.target === undefined ? null : x(row.target),
      missed: row.missed ?? false,
    })),
  };
}
