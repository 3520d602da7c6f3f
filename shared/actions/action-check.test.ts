import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS } from '../scoring/composite-index';
import { responseStats } from '../scoring/response-stats';
import { mergeAllStats, type RollupStats } from '../scoring/rollup-stats';
import { tCritical95, Z_95 } from '../scoring/sampling-distributions';
import { checkMetric } from './action-check';
import { metricDirection } from './metric-direction';

const answers = { csat: [] as number[], nps: [] as number[], ces: [] as number[], servqual: [], kano: [] };
/** Rollup statistics of respondents each giving one value to `metric`. */
const stats = (metric: 'csat' | 'nps' | 'ces', values: number[]): RollupStats => mergeAllStats(values.map((v) => responseStats({ ...answers, [metric]: [v] })));
const repeat = (pattern: number[], times: number) => Array.from({ length: times }, () => pattern).flat();

function meanVar(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1), n: values.length };
}

describe('checkMetric', () => {
  it('calls a real CSAT rise improved, with the Welch interval computed by hand', () => {
    const before = repeat([2, 3, 3, 4], 10);
    const after = repeat([4, 4, 5, 3], 10);
    const result = checkMetric(stats('csat', before), stats('csat', after), 'csat', DEFAULT_INDEX_WEIGHTS);
    const [a, b] = [meanVar(before), meanVar(after)];
    const se2 = a.variance / a.n + b.variance / b.n;
    const df = se2 ** 2 / ((a.variance / a.n) ** 2 / (a.n - 1) + (b.variance / b.n) ** 2 / (b.n - 1));
    const half = tCritical95(df) * Math.sqrt(se2);
    expect(result).toMatchObject({ verdict: 'improved', test: 'welch-t', n: { baseline: 40, check: 40 }, values: { baseline: 3, check: 4 } });
    expect(result.effect).toBeCloseTo(1, 9);
    expect(result.ci95?.[0]).toBeCloseTo(1 - half, 9);
    expect(result.ci95?.[1]).toBeCloseTo(1 + half, 9);
  });

  it('calls a real NPS fall worse, with the unpooled normal interval', () => {
    const result = checkMetric(stats('nps', repeat([10, 9, 8, 3], 10)), stats('nps', repeat([10, 3, 2, 7], 10)), 'nps', DEFAULT_INDEX_WEIGHTS);
    // 25 → −25; variance of each NPS = 100²(p + d − (p − d)²)/n
    const variance = (p: number, d: number) => (10_000 * (p + d - (p - d) ** 2)) / 40;
    const half = Z_95 * Math.sqrt(variance(0.5, 0.25) + variance(0.25, 0.5));
    expect(result).toMatchObject({ verdict: 'worse', test: 'nps-difference-z', effect: -50 });
    expect(result.ci95?.[0]).toBeCloseTo(-50 - half, 9);
  });

  it('finds no detectable change in noise', () => {
    const result = checkMetric(stats('ces', repeat([3, 5, 4, 6, 2], 8)), stats('ces', repeat([4, 6, 3, 5, 3], 8)), 'ces', DEFAULT_INDEX_WEIGHTS);
    expect(result.verdict).toBe('no-change');
    expect(result.ci95?.[0]).toBeLessThan(0);
    expect(result.ci95?.[1]).toBeGreaterThan(0);
  });

  it('gives no verdict below MIN_TEST_N respondents in either window', () => {
    const result = checkMetric(stats('csat', repeat([1], 29)), stats('csat', repeat([5], 300)), 'csat', DEFAULT_INDEX_WEIGHTS);
    expect(result).toMatchObject({ verdict: 'too-few', n: { baseline: 29, check: 300 }, ci95: null, pValue: null });
  });

  it('reports the index without a test', () => {
    const result = checkMetric(stats('csat', repeat([3], 40)), stats('csat', repeat([5], 40)), 'index', DEFAULT_INDEX_WEIGHTS);
    expect(result).toMatchObject({ verdict: 'untestable', test: null });
    expect(result.effect).toBeGreaterThan(0);
  });

  it('reads case times the other way round', () => {
    expect(metricDirection('csat')).toBe(1);
    expect(metricDirection('ces')).toBe(1);
    expect(metricDirection('frt-p90')).toBe(-1);
  });
});
