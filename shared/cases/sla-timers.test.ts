import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendarSchema, roundTheClockCalendar } from './business-calendar.schema';
import { DEFAULT_SLA_POLICY, stageTargetsFor } from './sla-policy.schema';
import { firedKeyOf, isCurrentTimer, nextTimer, planStageTimers, type StageTimerInput } from './sla-timers';

const at = (iso: string) => new Date(iso);
// Asia/Shanghai (UTC+8), Mon-Fri 09:00-18:00: 01:00Z-10:00Z.
const office = businessCalendarSchema.parse({
  timeZone: 'Asia/Shanghai',
  weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '18:00' }]])),
});
const investigate: StageTimerInput = {
  calendar: office,
  stage: 'investigate',
  version: 3,
  startedAt: at('2025-06-09T09:00:00Z'), // Mon 17:00 local
  targetSeconds: stageTargetsFor(DEFAULT_SLA_POLICY, 'normal', 'regular').investigate, // 2 h
  warningRatio: DEFAULT_SLA_POLICY.warningRatio,
  escalation: DEFAULT_SLA_POLICY.escalation,
  pauses: [],
};

describe('stage timers', () => {
  it('plans due-soon, breach and each escalation rung in business time, keyed by stage and version', () => {
    const plan = planStageTimers(investigate, at('2025-06-09T09:00:00Z'));
    expect(plan).toMatchObject({ stage: 'investigate', version: 3, paused: false });
    expect(plan.timers.map((t) => [t.key, t.level, t.at.toISOString()])).toEqual([
      // 96 min: one hour on Monday, 36 min on Tuesday from 09:00 local.
      ['investigate-v3-due-soon', undefined, '2025-06-10T01:36:00.000Z'],
      ['investigate-v3-breached', undefined, '2025-06-10T02:00:00.000Z'],
      ['investigate-v3-escalate-assignee', 'assignee', '2025-06-10T02:00:00.000Z'],
      ['investigate-v3-escalate-team-lead', 'team-lead', '2025-06-10T03:00:00.000Z'],
      ['investigate-v3-escalate-touchpoint-owner', 'touchpoint-owner', '2025-06-10T06:00:00.000Z'],
      // 24 business hours after the breach: 8 h Tue, 9 h Wed, 7 h Thu.
      ['investigate-v3-escalate-admin', 'admin', '2025-06-12T08:00:00.000Z'],
    ]);
    for (const timer of plan.timers) expect(timer.key).not.toContain(':');
  });

  it('holds back every timer while a pause runs before the breach', () => {
    const paused = { ...investigate, pauses: [{ from: at('2025-06-09T09:30:00Z'), to: null }] };
    expect(planStageTimers(paused, at('2025-06-10T05:00:00Z'))).toMatchObject({ paused: true, timers: [] });
  });

  it('plans again after the customer answers, later by the paused business time', () => {
    const resumed = { ...investigate, version: 4, pauses: [{ from: at('2025-06-09T09:30:00Z'), to: at('2025-06-10T02:00:00Z') }] };
    const plan = planStageTimers(resumed, at('2025-06-10T02:00:00Z'));
    // Paused 30 min Monday + 1 h Tuesday: the breach moves from 10:00 to 11:30 local.
    expect(plan.timers.find((t) => t.kind === 'breached')?.at).toEqual(at('2025-06-10T03:30:00Z'));
    expect(plan.timers[0]?.key).toBe('investigate-v4-due-soon');
  });

  it('keeps timers already past (fired at once) and those before a pause started after the breach', () => {
    const pausedAfterBreach = { ...investigate, pauses: [{ from: at('2025-06-10T02:30:00Z'), to: null }] };
    const plan = planStageTimers(pausedAfterBreach, at('2025-06-10T04:00:00Z'));
    expect(plan.paused).toBe(true);
    expect(plan.timers.map((t) => t.kind + (t.level ? `-${t.level}` : ''))).toEqual(['due-soon', 'breached', 'escalation-assignee']);
  });

  it('warns no later than it breaches even for a one-second target', () => {
    const plan = planStageTimers({ ...investigate, calendar: roundTheClockCalendar(), targetSeconds: 1, escalation: [] }, investigate.startedAt);
    expect(plan.timers.map((t) => t.at.getTime() - investigate.startedAt.getTime())).toEqual([800, 1000]);
  });

  it('tells a stale timer from a current one', () => {
    expect(isCurrentTimer({ stage: 'investigate', version: 3 }, { stage: 'investigate', version: 3 })).toBe(true);
    expect(isCurrentTimer({ stage: 'investigate', version: 3 }, { stage: 'investigate', version: 4 })).toBe(false);
    expect(isCurrentTimer({ stage: 'acknowledge', version: 3 }, { stage: 'investigate', version: 3 })).toBe(false);
    expect(() => planStageTimers({ ...investigate, version: -1 }, investigate.startedAt)).toThrow(RangeError);
  });
});

describe('the timer chain', () => {
  const plan = planStageTimers(investigate, at('2025-06-09T09:00:00Z')).timers.map((t) => ({ ...t, stage: 'investigate' as const }));
  const keys = (fired: string[], firing?: string) => nextTimer(plan, fired, 2, firing)?.key ?? null;

  it('queues the earliest timer not yet taken effect in this cycle, ties by key, skipping the one firing', () => {
    expect(keys([])).toBe('investigate-v3-due-soon');
    expect(keys([firedKeyOf(2, plan[0]!)])).toBe('investigate-v3-breached');
    // Breach and the assignee rung share an instant: the key orders them, the same way every time.
    expect(keys([firedKeyOf(2, plan[0]!)], 'investigate-v3-breached')).toBe('investigate-v3-escalate-assignee');
    expect(keys(plan.map((t) => firedKeyOf(2, t)))).toBeNull();
  });

  it('does not count marks of an earlier cycle: a reopened case runs its timers again', () => {
    expect(keys(plan.map((t) => firedKeyOf(1, t)))).toBe('investigate-v3-due-soon');
  });

  it('walking the chain visits every timer once, in firing order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(plan, { minLength: plan.length, maxLength: plan.length }), (shuffled) => {
        const fired: string[] = [];
        const visited: string[] = [];
        for (let t = nextTimer(shuffled, fired, 0); t; t = nextTimer(shuffled, fired, 0, t.key)) {
          visited.push(t.key);
          fired.push(firedKeyOf(0, t));
        }
        expect(visited).toEqual(plan.map((t) => t.key));
      }),
    );
  });
});
