import type { TouchpointScores } from '../scoring/metrics.schema';

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/**
 * A duration in seconds in the largest sensible unit (45 s, 12 min, 3.5 h, 2.1 d): case FRT and TAT
 * as the report email and the report page write them.
 */
export function humanDuration(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** A value with its 95% interval: `3.60 (3.44–3.76)`; the value alone without one. */
export function withInterval(value: number, interval: readonly [number, number] | null | undefined, digits = 1): string {
  return `${fixed(value, digits)}${interval ? ` (${fixed(interval[0], digits)}–${fixed(interval[1], digits)})` : ''}`;
}

/** `–` for a duration the period has none of, else as humanDuration writes it. */
export const durationText = (seconds: number | null | undefined): string => (seconds === null || seconds === undefined ? '–' : humanDuration(seconds));

/** The scores a report's headline shows per touchpoint, in its column order. */
export const SCORE_METRICS = ['csat', 'nps', 'ces'] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];
type ScoreRow = Pick<TouchpointScores, ScoreMetric>;

/**
 * A touchpoint's score on one metric (CSAT and CES means, the NPS score) with its 95% interval and the
 * places a report writes it to; null when nobody answered it.
 */
export function scoreOf(row: ScoreRow, metric: ScoreMetric): { value: number; interval: readonly [number, number] | null; digits: number } | null {
  if (metric === 'nps') return row.nps ? { value: row.nps.score, interval: row.nps.ci95, digits: 1 } : null;
  const score = row[metric];
  return score ? { value: score.mean, interval: score.meanCi95, digits: 2 } : null;
}

/** A touchpoint's CSAT, NPS and CES as a report writes them (each with its interval), null when it has none. */
export function scoreTexts(row: ScoreRow): Record<ScoreMetric, string | null> {
  const text = (metric: ScoreMetric) => {
    const score = scoreOf(row, metric);
    return score ? withInterval(score.value, score.interval, score.digits) : null;
  };
  return { csat: text('csat'), nps: text('nps'), ces: text('ces') };
}

/** A rate in percent (`91.7%`), `–` without one. */
export const percentText = (rate: { pct: number } | null | undefined): string => (rate ? `${fixed(rate.pct)}%` : '–');

/** A share 0–1 in percent (`21.4%`). */
export const shareText = (share: number): string => `${fixed(share * 100)}%`;

/** A test's p-value to three places (`0.012`). */
export const pValueText = (p: number): string => fixed(p, 3);

/** A significant change's size with its sign (`+12.0`) and its p-value, as a report line shows them. */
export function moverNumbers(mover: { delta?: number | null; pValue?: number | null }): { delta: string; p: string } {
  const delta = mover.delta ?? 0;
  return { delta: `${delta > 0 ? '+' : ''}${fixed(delta)}`, p: pValueText(mover.pValue ?? 1) };
}
