import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCaseIncrements, caseIncrements, caseScoresFromStats, emptyCaseStats } from '../scoring/case-stats';
import { FCR_WINDOW_MS, caseFacts, type CaseFactsInput } from './case-facts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (ms: number) => new Date(T0 + ms);
const moved = (ms: number, move: string, from: string, to: string) => ({ at: at(ms), kind: 'moved', data: { move, from, to } });
const opened = { at: at(0), kind: 'opened', data: {} };

const input = (timeline: CaseFactsInput['timeline'], extra: Partial<CaseFactsInput> = {}): CaseFactsInput => ({ openedAt: at(0), timeline, previousOpenedAt: null, ...extra });

describe('caseFacts', () => {
  it('measures FRT to the acknowledgement and TAT to the resolution, and marks the stages passed as met', () => {
    const facts = caseFacts(input([opened, moved(10 * MIN, 'acknowledge', 'new', 'acknowledged'), moved(50 * MIN, 'resolve', 'acknowledged', 'resolved')]), at(DAY));
    expect(facts.frtMs).toBe(10 * MIN);
    expect(facts.tatMs).toBe(50 * MIN);
    expect(facts.sla).toEqual({ acknowledge: 'met', investigate: 'met', plan: 'met', answer: 'met', resolve: 'met' });
    expect(facts).toMatchObject({ resolved: true, reopened: false, fcr: null, fcrDecidesAt: at(50 * MIN + FCR_WINDOW_MS) });
  });

  it('counts an open case with neither time, only its breached stage and the ones it passed', () => {
    const facts = caseFacts(
      input([opened, moved(MIN, 'acknowledge', 'new', 'acknowledged'), { at: at(3 * 60 * MIN), kind: 'breached', data: { stage: 'investigate' } }, { at: at(4 * 60 * MIN), kind: 'escalated', data: {} }]),
      at(DAY),
    );
    expect(facts).toMatchObject({ frtMs: MIN, tatMs: null, fcr: null, fcrDecidesAt: null, resolved: false, escalated: true });
    expect(facts.sla).toEqual({ acknowledge: 'met', investigate: 'breached' });
  });

  it('decides FCR yes only once 7 days pass without a reopen, and no on a reopen inside them or a customer round', () => {
    const resolvedAtOnce = [opened, moved(5 * MIN, 'resolve', 'new', 'resolved')];
    expect(caseFacts(input(resolvedAtOnce), at(5 * MIN + FCR_WINDOW_MS - 1)).fcr).toBeNull();
    expect(caseFacts(input(resolvedAtOnce), at(5 * MIN + FCR_WINDOW_MS)).fcr).toBe(true);

    const reopened = [...resolvedAtOnce, moved(2 * DAY, 'reopen', 'resolved', 'investigating')];
    expect(caseFacts(input(reopened), at(3 * DAY))).toMatchObject({ fcr: false, fcrDecidesAt: null, reopened: true, tatMs: null });
    const reopenedLate = [...resolvedAtOnce, moved(8 * DAY, 'reopen', 'resolved', 'investigating')];
    expect(caseFacts(input(reopenedLate), at(9 * DAY))).toMatchObject({ fcr: true, reopened: true });

    const customerRound = [opened, moved(MIN, 'acknowledge', 'new', 'acknowledged'), moved(2 * MIN, 'wait-on-customer', 'acknowledged', 'waiting-on-customer'), moved(3 * MIN, 'resolve', 'waiting-on-customer', 'resolved')];
    expect(caseFacts(input(customerRound), at(MIN * 4)).fcr).toBe(false);
  });

  it('takes TAT to the latest resolution after a reopen, and counts a repeat within 30 days of the same contact and category', () => {
    const twice = [opened, moved(MIN, 'resolve', 'new', 'resolved'), moved(DAY, 'reopen', 'resolved', 'investigating'), moved(2 * DAY, 'resolve', 'investigating', 'resolved'), moved(3 * DAY, 'close', 'resolved', 'closed')];
    expect(caseFacts(input(twice), at(4 * DAY)).tatMs).toBe(2 * DAY);
    expect(caseFacts(input([opened], { previousOpenedAt: at(-30 * DAY) }), at(0)).repeat).toBe(true);
    expect(caseFacts(input([opened], { previousOpenedAt: at(-30 * DAY - 1) }), at(0)).repeat).toBe(false);
    expect(caseFacts(input([opened], { handlingCsat: 4 }), at(0)).handlingCsat).toBe(4);
    expect(caseFacts(input([opened], { handlingCsat: 7 }), at(0)).handlingCsat).toBeNull();
  });

  it('reads the same facts at any later instant once FCR is decided (a refold changes nothing)', () => {
    const moves = ['acknowledge', 'start-investigation', 'wait-on-customer', 'resume', 'propose-plan', 'resolve', 'reopen', 'close'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...moves), fc.integer({ min: 0, max: 3 * DAY })), { maxLength: 12 }), fc.integer({ min: 0, max: 30 * DAY }), (steps, later) => {
        let t = 0;
        const timeline = [opened, ...steps.map(([move, gap]) => moved((t += gap), move, 'x', move === 'resolve' ? 'resolved' : 'investigating'))];
        const first = caseFacts(input(timeline), at(t + FCR_WINDOW_MS));
        expect(first.fcrDecidesAt).toBeNull();
        expect(caseFacts(input(timeline), at(t + FCR_WINDOW_MS + later))).toEqual(first);
      }),
    );
  });
});

describe('case statistics', () => {
  it('fold cases into counters whose scores are computed independently', () => {
    const facts = [
      caseFacts(input([opened, moved(60_000, 'acknowledge', 'new', 'acknowledged'), moved(3_600_000, 'resolve', 'acknowledged', 'resolved')], { handlingCsat: 5 }), at(10 * DAY)),
      caseFacts(input([opened, moved(120_000, 'resolve', 'new', 'resolved'), moved(DAY, 'reopen', 'resolved', 'investigating')], { previousOpenedAt: at(-DAY), handlingCsat: 2 }), at(10 * DAY)),
      caseFacts(input([opened, { at: at(MIN), kind: 'breached', data: { stage: 'acknowledge' } }, { at: at(MIN), kind: 'escalated', data: {} }]), at(10 * DAY)),
    ];
    const stats = facts.reduce((s, f) => applyCaseIncrements(s, caseIncrements(f, 1)), emptyCaseStats());
    const scores = caseScoresFromStats(stats)!;
    expect(scores.n).toBe(3);
    expect(scores.frt).toMatchObject({ n: 2, mean: 90 });
    expect(Math.abs(scores.frt!.p90 - 60) / 60).toBeLessThanOrEqual(0.01); // rank ⌊0.9·1⌋ = the smaller
    expect(scores.tat).toMatchObject({ n: 1, mean: 3600 });
    expect(scores.fcr).toEqual({ n: 2, pct: 50 });
    expect(scores.reopenRate).toEqual({ n: 2, pct: 50 });
    expect(scores.escalationRate?.pct).toBeCloseTo(100 / 3);
    expect(scores.repeatRate?.pct).toBeCloseTo(100 / 3);
    expect(scores.sla.acknowledge).toEqual({ n: 3, pct: (100 * 2) / 3, met: 2, breached: 1 });
    expect(scores.slaAttainment).toEqual({ n: 11, pct: (100 * 10) / 11 });
    expect(scores.resolutionCsat).toEqual({ n: 2, mean: 3.5 });
    // Taking every case out again leaves nothing.
    const emptied = facts.reduce((s, f) => applyCaseIncrements(s, caseIncrements(f, -1)), stats);
    expect(emptied).toEqual(emptyCaseStats());
    expect(caseScoresFromStats(emptied)).toBeNull();
  });
});
