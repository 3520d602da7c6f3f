import { describe, expect, it } from 'vitest';
import { ANY, DEFAULT_SLA_POLICY, slaPolicySchema, stageTargetsFor, type SlaPolicyInput } from './sla-policy.schema';

const standard = { acknowledge: 1800, investigate: 7200, plan: 14_400, answer: 86_400, resolve: 259_200 };
const policy = (overrides: Partial<SlaPolicyInput> = {}): SlaPolicyInput => ({
  name: 'Test',
  rules: [{ priority: ANY, segment: ANY, targets: standard }],
  ...overrides,
});

describe('SLA policies', () => {
  it('default to the service standard: 30 min, 2 h, 4 h, 24 h, warning at 80%, a four-rung ladder', () => {
    expect(stageTargetsFor(DEFAULT_SLA_POLICY, 'normal', 'regular')).toEqual(standard);
    expect(DEFAULT_SLA_POLICY.warningRatio).toBe(0.8);
    expect(DEFAULT_SLA_POLICY.escalation.map((s) => s.level)).toEqual(['assignee', 'team-lead', 'touchpoint-owner', 'admin']);
    // VIP and strategic customers are served faster.
    expect(stageTargetsFor(DEFAULT_SLA_POLICY, 'normal', 'vip').acknowledge).toBe(900);
    expect(stageTargetsFor(DEFAULT_SLA_POLICY, 'normal', 'strategic').answer).toBe(12 * 3600);
  });

  it('picks the most specific rule: priority and segment, then priority, then segment, then the fallback', () => {
    const rule = (priority: string, segment: string, acknowledge: number) => ({ priority, segment, targets: { ...standard, acknowledge } });
    const parsed = slaPolicySchema.parse(
      policy({ rules: [rule(ANY, ANY, 1000), rule(ANY, 'vip', 900), rule('high', ANY, 800), rule('high', 'vip', 700)] as SlaPolicyInput['rules'] }),
    );
    expect(stageTargetsFor(parsed, 'high', 'vip').acknowledge).toBe(700);
    expect(stageTargetsFor(parsed, 'high', 'regular').acknowledge).toBe(800);
    expect(stageTargetsFor(parsed, 'low', 'vip').acknowledge).toBe(900);
    expect(stageTargetsFor(parsed, 'low', 'regular').acknowledge).toBe(1000);
  });

  it('fills in the warning threshold and an empty ladder', () => {
    expect(slaPolicySchema.parse(policy())).toMatchObject({ warningRatio: 0.8, escalation: [] });
  });

  it.each([
    ['no fallback rule', policy({ rules: [{ priority: 'high', segment: ANY, targets: standard }] })],
    ['two rules for one pair', policy({ rules: [{ priority: ANY, segment: ANY, targets: standard }, { priority: ANY, segment: ANY, targets: standard }] })],
    ['a plan due before the investigation', policy({ rules: [{ priority: ANY, segment: ANY, targets: { ...standard, plan: 3600 } }] })],
    ['an answer due after resolution', policy({ rules: [{ priority: ANY, segment: ANY, targets: { ...standard, answer: 300_000 } }] })],
    ['a zero target', policy({ rules: [{ priority: ANY, segment: ANY, targets: { ...standard, acknowledge: 0 } }] })],
    ['an unknown stage', policy({ rules: [{ priority: ANY, segment: ANY, targets: { ...standard, triage: 60 } as typeof standard }] })],
    ['an unknown priority', policy({ rules: [{ priority: 'critical' as 'high', segment: ANY, targets: standard }] })],
    ['a warning at 100%', policy({ warningRatio: 1 })],
    ['a ladder climbing down', policy({ escalation: [{ level: 'team-lead', afterSeconds: 0 }, { level: 'assignee', afterSeconds: 60 }] })],
    ['a rung twice', policy({ escalation: [{ level: 'assignee', afterSeconds: 0 }, { level: 'assignee', afterSeconds: 60 }] })],
    ['a higher rung notified first', policy({ escalation: [{ level: 'assignee', afterSeconds: 600 }, { level: 'admin', afterSeconds: 60 }] })],
    ['an unknown option', { ...policy(), businessHoursOnly: true }],
  ])('rejects %s', (_, input) => {
    expect(slaPolicySchema.safeParse(input).success).toBe(false);
  });
});
