import { describe, expect, it } from 'vitest';
import { caseFacts } from '../cases/case-facts';
import { applyCaseIncrements, caseIncrements, emptyCaseStats, type CaseStats } from './case-stats';
import { DEFAULT_INDEX_WEIGHTS } from './composite-index';
import { scoresFromStats } from './metrics';
import { emptyStats } from './rollup-stats';
import { checkTargets } from './targets';
import { trendFromDailyStats } from './trend';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const moved = (ms: number, move: string, from: string, to: string) => ({ at: at(ms), kind: 'moved', data: { move, from, to } });

/** `n` cases acknowledged after `frtSeconds`, resolved at once; `reopened` of them reopened the next hour. */
function caseStats(n: number, frtSeconds: number, reopened: number): CaseStats {
  let stats = emptyCaseStats();
  for (let i = 0; i < n; i += 1) {
    const timeline = [
      { at: at(0), kind: 'opened', data: {} },
      moved(frtSeconds * 1000, 'acknowledge', 'new', 'acknowledged'),
      moved(frtSeconds * 1000 + 1, 'resolve', 'acknowledged', 'resolved'),
      ...(i < reopened ? [moved(3_600_000, 'reopen', 'resolved', 'investigating')] : []),
    ];
    stats = applyCaseIncrements(stats, caseIncrements(caseFacts({ openedAt: at(0), timeline, previousOpenedAt: null }, at(30 * 86_400_000)), 1));
  }
  return stats;
}

describe('case metric targets, trends and index', () => {
  it('meets a time or rate target at or below it, and a rate where more is better at or above', () => {
    // FRT p90 reads 120 s within the sketch's 1%, so a 125 s ceiling is met.
    const scores = scoresFromStats(emptyStats(), DEFAULT_INDEX_WEIGHTS, caseStats(10, 120, 2));
    const checks = checkTargets({ 'frt-p90': 125, 'tat-p90': 60, 'reopen-rate': 20, fcr: 90, minN: 5 }, scores);
    expect(Object.fromEntries(checks.map((c) => [c.metric, c.status]))).toEqual({ 'frt-p90': 'met', 'tat-p90': 'missed', fcr: 'missed', 'reopen-rate': 'met' });
    expect(checks.find((c) => c.metric === 'fcr')).toMatchObject({ value: 80, n: 10 });
    expect(checkTargets({ 'escalation-rate': 5 }, scores)[0]).toMatchObject({ status: 'insufficient', value: 0, n: 10 });
    expect(checkTargets({ 'resolution-csat': 4 }, scores)[0]).toMatchObject({ status: 'no-data' });
  });

  it('leaves the index as it was unless case components are weighted, and then weighs them in', () => {
    const cases = caseStats(10, 60, 5);
    expect(scoresFromStats(emptyStats(), DEFAULT_INDEX_WEIGHTS, cases).index).toBeNull();
    const weighted = scoresFromStats(emptyStats(), { ...DEFAULT_INDEX_WEIGHTS, version: 3, fcr: 1, sla: 1 }, cases);
    expect(weighted.indexComponents).toEqual({ fcr: 50, sla: 100 });
    expect(weighted.index).toBe(75);
  });

  it('plots a case metric per period from daily case statistics', () => {
    const points = trendFromDailyStats(
      [
        { day: '2026-03-02', stats: emptyStats(), cases: caseStats(4, 30, 1) },
        { day: '2026-03-03', stats: emptyStats(), cases: caseStats(4, 30, 3) },
        { day: '2026-03-03', stats: emptyStats() },
      ],
      'reopen-rate',
      'day',
      DEFAULT_INDEX_WEIGHTS,
    );
    expect(points.map((p) => [p.period, p.n, p.value])).toEqual([['2026-03-02', 4, 25], ['2026-03-03', 4, 75]]);
    expect(trendFromDailyStats([{ day: '2026-03-02', stats: emptyStats(), cases: caseStats(4, 30, 1) }, { day: '2026-03-03', stats: emptyStats(), cases: caseStats(4, 30, 3) }], 'reopen-rate', 'month', DEFAULT_INDEX_WEIGHTS)[0]).toMatchObject({ n: 8, value: 50 });
  });
});
