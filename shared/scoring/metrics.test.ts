import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS } from './composite-index';
import type { MetricAnswers } from './metric-answers';
import { scoresFromStats } from './metrics';
import { metricsResponseSchema, scoresSchema } from './metrics.schema';
import { responseStats } from './response-stats';
import { emptyStats, mergeAllStats } from './rollup-stats';

const csat = [5, 5, 4, 4, 4, 3, 3, 2, 1, 5];
const nps = [10, 9, 9, 8, 7, 6, 5, 0, 10, 9];
const ces = [7, 6, 6, 5];
const servqual: MetricAnswers['servqual'][] = [
  [
    { item: 't1', dimension: 'tangibles', expectation: 6, perception: 5 },
    { item: 'r1', dimension: 'reliability', expectation: 7, perception: 6 },
  ],
  [{ item: 't1', dimension: 'tangibles', expectation: 5, perception: 6 }],
];
const kano: MetricAnswers['kano'][] = [
  [{ feature: 'live.chat', functional: 'like', dysfunctional: 'dislike' }],
  [{ feature: 'live.chat', functional: 'like', dysfunctional: 'dislike' }],
  [{ feature: 'live.chat', functional: 'like', dysfunctional: 'dislike' }],
  [{ feature: 'live.chat', functional: 'neutral', dysfunctional: 'dislike' }],
];

const responses: MetricAnswers[] = csat.map((value, i) => ({
  csat: [value],
  nps: [nps[i] ?? 0],
  ces: i < ces.length ? [ces[i] ?? 0] : [],
  servqual: servqual[i] ?? [],
  kano: kano[i] ?? [],
}));
const scores = scoresFromStats(mergeAllStats(responses.map(responseStats)), DEFAULT_INDEX_WEIGHTS);

describe('scoresFromStats', () => {
  it('counts responses and flags the sample', () => {
    expect(scores.n).toBe(10);
    expect(scores.sample).toBe('insufficient');
  });

  it('computes CSAT mean, t interval, satisfied share and Wilson interval', () => {
    // Σx = 36, Σx² = 146, n = 10: mean 3.6; s² = (146 − 36²/10)/9 = 16.4/9; SE = sqrt(s²/10) = 0.426875
    // t(0.975, 9) = 2.262157; half = 0.965659
    const half = 2.262157162740992 * Math.sqrt(16.4 / 9 / 10);
    expect(scores.csat?.mean).toBeCloseTo(3.6, 12);
    expect(scores.csat?.meanCi95?.[0]).toBeCloseTo(3.6 - half, 8);
    expect(scores.csat?.meanCi95?.[1]).toBeCloseTo(3.6 + half, 8);
    // satisfied: three 5s and three 4s = 6 of 10 = 60%; Wilson 6/10 = [31.267, 83.182]
    expect(scores.csat?.satisfiedPct).toBeCloseTo(60, 12);
    expect(scores.csat?.ci95[0]).toBeCloseTo(31.267, 2);
    expect(scores.csat?.ci95[1]).toBeCloseTo(83.182, 2);
    expect(scores.csat?.distribution).toEqual({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    expect(scores.csat?.sample).toBe('insufficient');
  });

  it('computes NPS with its interval', () => {
    // promoters 10 9 9 10 9 = 5, passives 8 7 = 2, detractors 6 5 0 = 3: score 50 − 30 = 20
    // SE = 100·sqrt((0.5 + 0.3 − 0.2²)/10) = 27.5681; half = 1.959964 · 27.5681 = 54.0325
    const half = 1.959963984540054 * 100 * Math.sqrt(0.076);
    expect(scores.nps).toMatchObject({ n: 10, promoters: 5, passives: 2, detractors: 3 });
    expect(scores.nps?.score).toBeCloseTo(20, 12);
    expect(scores.nps?.ci95[0]).toBeCloseTo(20 - half, 9);
    expect(scores.nps?.ci95[1]).toBeCloseTo(20 + half, 9);
    expect(half).toBeCloseTo(54.03, 2);
  });

  it('computes CES mean with its interval', () => {
    // 7 6 6 5: mean 6; s² = (146 − 144)/3 = 2/3; SE = sqrt(2/3/4) = 0.408248; t(0.975, 3) = 3.182446
    const half = 3.182446305284263 * Math.sqrt(2 / 3 / 4);
    expect(scores.ces?.n).toBe(4);
    expect(scores.ces?.mean).toBeCloseTo(6, 12);
    expect(scores.ces?.meanCi95?.[1]).toBeCloseTo(6 + half, 8);
  });

  it('computes SERVQUAL expectation, perception and gap per dimension and overall', () => {
    // respondent 1: tangibles −1, reliability −1; overall E (6+7)/2 = 6.5, P (5+6)/2 = 5.5, gap −1
    // respondent 2: tangibles E 5, P 6, gap +1; overall the same
    // overall: E (6.5 + 5)/2 = 5.75, P (5.5 + 6)/2 = 5.75, gap 0; s² of gaps = 2; SE = 1; t(1) = 12.706
    expect(scores.servqual).toMatchObject({ n: 2, expectation: 5.75, perception: 5.75, gap: 0 });
    expect(scores.servqual?.gapCi95?.[0]).toBeCloseTo(-12.706204736, 6);
    expect(scores.servqual?.dimensions).toEqual({
      tangibles: { n: 2, expectation: 5.5, perception: 5.5, gap: 0 },
      reliability: { n: 1, expectation: 7, perception: 6, gap: -1 },
    });
  });

  it('evaluates Kano features under their original ids', () => {
    // 3 × like/dislike (O) + 1 × neutral/dislike (M): O; Better 3/4; Worse −4/4
    expect(scores.kano).toEqual({
      'live.chat': {
        n: 4,
        category: 'one-dimensional',
        better: 0.75,
        worse: -1,
        counts: { attractive: 0, 'one-dimensional': 3, 'must-be': 1, indifferent: 0, reverse: 0, questionable: 0 },
      },
    });
  });

  it('combines the index from normalised components', () => {
    // CSAT (3.6 − 1)/4 = 65; NPS (20 + 100)/2 = 60; CES (6 − 1)/6 = 83.33; SERVQUAL (0 + 6)/12 = 50
    expect(scores.indexComponents.csat).toBeCloseTo(65, 10);
    expect(scores.indexComponents.ces).toBeCloseTo(250 / 3, 10);
    expect(scores.index).toBeCloseTo((65 + 60 + 250 / 3 + 50) / 4, 10);
    // NPS weighted alone
    const npsOnly = scoresFromStats(mergeAllStats(responses.map(responseStats)), { version: 2, csat: 0, nps: 1, ces: 0, servqual: 0 });
    expect(npsOnly.index).toBeCloseTo(60, 10);
  });

  it('conforms to the API schema', () => {
    expect(scoresSchema.parse(scores)).toEqual(scores);
    const reply = { asOf: '2025-03-01T12:00:00.000Z', indexWeightsVersion: 0, touchpoints: [{ ...scores, touchpoint: 'after-sales', targets: [] }] };
    expect(metricsResponseSchema.safeParse(reply).success).toBe(true);
  });

  it('reports nulls, not zeros, without data', () => {
    const empty = scoresFromStats(emptyStats(), DEFAULT_INDEX_WEIGHTS);
    expect(empty).toEqual({
      n: 0, sample: 'insufficient', csat: null, nps: null, ces: null, servqual: null, kano: null, index: null, indexComponents: {},
    });
    expect(scoresSchema.safeParse(empty).success).toBe(true);
  });

  it('keeps odd feature ids as own keys', () => {
    const stats = responseStats({ csat: [], nps: [], ces: [], servqual: [], kano: [{ feature: '__proto__', functional: 'like', dysfunctional: 'neutral' }] });
    const kanoScores = scoresFromStats(stats, DEFAULT_INDEX_WEIGHTS).kano ?? {};
    expect(Object.keys(kanoScores)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(kanoScores)).toBe(Object.prototype);
  });
});
