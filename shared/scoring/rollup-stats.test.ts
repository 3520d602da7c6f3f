import { describe, expect, it } from 'vitest';
import { applyIncrements, emptyStats, flattenStats, isStatsPath, mergeStats, rollupStatsSchema } from './rollup-stats';

describe('rollup statistics', () => {
  it('starts at zero everywhere with no Kano features', () => {
    const stats = emptyStats();
    expect(flattenStats(stats)).toEqual({});
    expect(Object.keys(stats.servqual.dimensions)).toEqual(['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy']);
    expect(stats.kano).toEqual({});
  });

  it('parses the sparse documents `$inc` upserts create, filling missing counters with 0', () => {
    const stats = rollupStatsSchema.parse({ responses: 2, csat: { n: 2, hist: { 4: 2 } }, kano: { x: { 'like|dislike': 1, 'like|like': 0 }, y: { 'neutral|neutral': 0 } } });
    expect(stats.csat).toEqual({ n: 2, sum: 0, sumSq: 0, hist: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 0 } });
    expect(stats.servqual.dimensions.empathy.n).toBe(0);
    expect(stats.kano).toEqual({ x: { 'like|dislike': 1 } });
  });

  it('rejects unsafe Kano keys and cells', () => {
    expect(rollupStatsSchema.safeParse({ kano: { 'a.b': { 'like|dislike': 1 } } }).success).toBe(false);
    expect(rollupStatsSchema.safeParse({ kano: { a: { 'love|hate': 1 } } }).success).toBe(false);
  });

  it('merges counter by counter, uniting Kano features', () => {
    const a = applyIncrements(emptyStats(), { responses: 2, 'csat.n': 2, 'csat.sum': 9000, 'kano.x.like|dislike': 1 });
    const b = applyIncrements(emptyStats(), { responses: 1, 'csat.n': 1, 'csat.sum': 3000, 'kano.y.like|like': 2, 'kano.x.like|dislike': 4 });
    expect(flattenStats(mergeStats(a, b))).toEqual({
      responses: 3,
      'csat.n': 3,
      'csat.sum': 12_000,
      'kano.x.like|dislike': 5,
      'kano.y.like|like': 2,
    });
  });

  it('knows which paths are counters', () => {
    expect(isStatsPath('csat.hist.4')).toBe(true);
    expect(isStatsPath('servqual.dimensions.empathy.sumGapSq')).toBe(true);
    expect(isStatsPath('kano.live%2Echat.like|dislike')).toBe(true);
    expect(isStatsPath('csat.hist')).toBe(false);
    expect(isStatsPath('csat.hist.6')).toBe(false);
    expect(isStatsPath('servqual.dimensions.courtesy.n')).toBe(false);
    expect(isStatsPath('kano.__proto__.like|dislike')).toBe(false);
    expect(isStatsPath('kano.x.like|love')).toBe(false);
    expect(() => applyIncrements(emptyStats(), { 'csat.mean': 1 })).toThrow(/not a rollup counter/);
  });

  it('does not mutate its input', () => {
    const stats = emptyStats();
    applyIncrements(stats, { responses: 1, 'kano.x.like|like': 1 });
    expect(stats).toEqual(emptyStats());
  });
});
