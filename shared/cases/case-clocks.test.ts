import { describe, expect, it } from 'vitest';
import { roundTheClockCalendar } from './business-calendar.schema';
import { planCaseClocks, type CaseClockInput } from './case-clocks';
import { slaPolicySchema } from './sla-policy.schema';

const policy = slaPolicySchema.parse({
  name: 'Seconds',
  warningRatio: 0.8,
  rules: [{ priority: '*', segment: '*', targets: { acknowledge: 10, investigate: 20, plan: 30, answer: 40, resolve: 50 } }],
  escalation: [
    { level: 'assignee', afterSeconds: 0 },
    { level: 'team-lead', afterSeconds: 5 },
  ],
});
const start = new Date('2026-03-02T09:00:00Z');
const base: CaseClockInput = { state: { status: 'new' }, priority: 'normal', segment: 'standard', cycleStartedAt: start, pauses: [], version: 3, policy, calendar: roundTheClockCalendar() };
const at = (s: number) => new Date(start.getTime() + s * 1000);

describe('planCaseClocks', () => {
  it('runs the milestone and answer stages of a new case with warning, breach and ladder timers', () => {
    const plan = planCaseClocks(base, start);
    expect(plan.clocks).toEqual([
      { stage: 'acknowledge', targetSeconds: 10, dueAt: at(10), warnAt: at(8) },
      { stage: 'answer', targetSeconds: 40, dueAt: at(40), warnAt: at(32) },
    ]);
    expect(plan.dueAt).toEqual(at(10));
    expect(plan.warnAt).toEqual(at(8));
    expect(plan.timers.filter((t) => t.stage === 'acknowledge').map((t) => [t.key, t.at])).toEqual([
      ['acknowledge-v3-due-soon', at(8)],
      ['acknowledge-v3-breached', at(10)],
      ['acknowledge-v3-escalate-assignee', at(10)],
      ['acknowledge-v3-escalate-team-lead', at(15)],
    ]);
  });

  it('a running pause holds every clock: nothing is due and no timer is planned', () => {
    const plan = planCaseClocks({ ...base, state: { status: 'waiting-on-customer', resumeTo: 'investigating' }, pauses: [{ from: at(5), to: null }] }, at(7));
    expect(plan.paused).toBe(true);
    expect(plan.clocks.map((c) => [c.stage, c.dueAt])).toEqual([['plan', null], ['answer', null]]);
    expect(plan.timers).toEqual([]);
    expect(plan.dueAt).toBeNull();
  });

  it('a finished pause pushes the due time back by exactly its length', () => {
    const plan = planCaseClocks({ ...base, state: { status: 'investigating' }, pauses: [{ from: at(5), to: at(12) }] }, at(12));
    expect(plan.clocks[0]).toMatchObject({ stage: 'plan', dueAt: at(37) });
  });

  it('resolved and closed cases run no clock', () => {
    expect(planCaseClocks({ ...base, state: { status: 'resolved' } }, start).clocks).toEqual([]);
  });
});
