import { describe, expect, it } from 'vitest';
import type { MetricAnswers } from './metric-answers';
import { responseStats, statsIncrements } from './response-stats';
import { applyIncrements, emptyStats, mergeAllStats, rollupStatsSchema } from './rollup-stats';
import type { RollupStats } from './rollup-stats';
import { randomMetricAnswers, seededRandom, shuffled } from './testing/random-answers';

const none: MetricAnswers = { csat: [], nps: [], ces: [], servqual: [], kano: [] };

describe('responseStats', () => {
  it('counts a response without metric answers only in `responses`', () => {
    expect(responseStats(none)).toEqual({ ...emptyStats(), responses: 1 });
  });

  it('averages CSAT per respondent, in thousandths, bucketing the floor', () => {
    // 4 and 5 → 4.5 → 4500; 4500² = 20 250 000; floor 4.5 = 4
    const stats = responseStats({ ...none, csat: [4, 5] });
    expect(stats.csat).toEqual({ n: 1, sum: 4500, sumSq: 20_250_000, hist: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
    // 3, 4, 4 → 11/3 = 3.6667 → 3667 (rounded to 1/1000), bucket 3: not satisfied
    expect(responseStats({ ...none, csat: [3, 4, 4] }).csat).toMatchObject({ sum: 3667, sumSq: 3667 ** 2, hist: { 3: 1 } });
    expect(responseStats({ ...none, csat: [5] }).csat.hist[5]).toBe(1);
  });

  it('classifies NPS from the first NPS answer', () => {
    expect(responseStats({ ...none, nps: [9] }).nps).toEqual({ n: 1, promoters: 1, passives: 0, detractors: 0 });
    expect(responseStats({ ...none, nps: [7] }).nps).toEqual({ n: 1, promoters: 0, passives: 1, detractors: 0 });
    expect(responseStats({ ...none, nps: [6, 10] }).nps).toEqual({ n: 1, promoters: 0, passives: 0, detractors: 1 });
    expect(responseStats({ ...none, nps: [0] }).nps.detractors).toBe(1);
  });

  it('averages CES per respondent', () => {
    // 6 and 7 → 6.5 → 6500
    expect(responseStats({ ...none, ces: [6, 7] }).ces).toEqual({ n: 1, sum: 6500, sumSq: 42_250_000 });
  });

  it('pairs SERVQUAL items, averages per dimension, then over dimensions', () => {
    const stats = responseStats({
      ...none,
      servqual: [
        { item: 't1', dimension: 'tangibles', expectation: 6, perception: 5 },
        { item: 't2', dimension: 'tangibles', expectation: 7, perception: 7 },
        { item: 't3', dimension: 'tangibles', expectation: 1 }, // unpaired: ignored
        { item: 'e1', dimension: 'empathy', expectation: 5, perception: 6 },
        { item: 'r1', dimension: 'reliability', perception: 2 }, // unpaired: dimension absent
      ],
    });
    // tangibles: E (6+7)/2 = 6.5, P (5+7)/2 = 6, gap −0.5
    expect(stats.servqual.dimensions.tangibles).toEqual({
      n: 1, sumE: 6500, sumESq: 42_250_000, sumP: 6000, sumPSq: 36_000_000, sumGap: -500, sumGapSq: 250_000,
    });
    // empathy: E 5, P 6, gap +1
    expect(stats.servqual.dimensions.empathy).toMatchObject({ n: 1, sumE: 5000, sumP: 6000, sumGap: 1000 });
    expect(stats.servqual.dimensions.reliability.n).toBe(0);
    // overall: E (6.5+5)/2 = 5.75, P (6+6)/2 = 6, gap 0.25
    expect(stats.servqual.overall).toEqual({
      n: 1, sumE: 5750, sumESq: 5750 ** 2, sumP: 6000, sumPSq: 36_000_000, sumGap: 250, sumGapSq: 62_500,
    });
  });

  it('fills the Kano table under encoded keys when both answers are present', () => {
    const stats = responseStats({
      ...none,
      kano: [
        { feature: 'live.chat', functional: 'like', dysfunctional: 'dislike' },
        { feature: 'price', functional: 'like' },
      ],
    });
    expect(stats.kano).toEqual({ 'live%2Echat': { 'like|dislike': 1 } });
  });
});

describe('statsIncrements', () => {
  it('gives dotted, non-zero, MongoDB-safe paths', () => {
    const inc = statsIncrements({ ...none, csat: [5], kano: [{ feature: '$x.y', functional: 'neutral', dysfunctional: 'dislike' }] }, 1);
    expect(inc).toEqual({
      responses: 1,
      'csat.n': 1,
      'csat.sum': 5000,
      'csat.sumSq': 25_000_000,
      'csat.hist.5': 1,
      'kano.%24x%2Ey.neutral|dislike': 1,
    });
    expect(statsIncrements(none, -1)).toEqual({ responses: -1 });
  });
});

describe('folding properties (seeded)', () => {
  const allIntegers = (stats: RollupStats) => JSON.stringify(stats, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? 'FRACTION' : v));

  for (const seed of [1, 2, 3, 42, 2024]) {
    it(`seed ${seed}: increments in any order equal a rebuild, and subtracting returns to empty`, () => {
      const random = seededRandom(seed);
      const responses = Array.from({ length: 200 }, () => randomMetricAnswers(random));

      const folded = responses.reduce((stats, answers) => applyIncrements(stats, statsIncrements(answers, 1)), emptyStats());
      const foldedShuffled = shuffled(random, responses).reduce(
        (stats, answers) => applyIncrements(stats, statsIncrements(answers, 1)),
        emptyStats(),
      );
      const rebuilt = mergeAllStats(responses.map(responseStats));

      expect(folded.responses).toBe(200);
      expect(foldedShuffled).toEqual(folded);
      expect(rebuilt).toEqual(folded);
      expect(allIntegers(folded)).not.toContain('FRACTION');
      // what the server reads back from MongoDB parses to the same statistics
      expect(rollupStatsSchema.parse(JSON.parse(JSON.stringify(folded)))).toEqual(folded);

      const emptied = shuffled(random, responses).reduce(
        (stats, answers) => applyIncrements(stats, statsIncrements(answers, -1)),
        folded,
      );
      expect(emptied).toEqual(emptyStats());
    });
  }

  it('subtracting one response equals never having folded it', () => {
    const random = seededRandom(7);
    const responses = Array.from({ length: 50 }, () => randomMetricAnswers(random));
    const all = mergeAllStats(responses.map(responseStats));
    const withoutTenth = applyIncrements(all, statsIncrements(responses[10] ?? none, -1));
    expect(withoutTenth).toEqual(mergeAllStats(responses.filter((_, i) => i !== 10).map(responseStats)));
  });
});
