import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '@shared/cases/sla-policy.schema';
import { fileUnderFields } from '../../lib/field-errors';
import { emptyPolicyFields, emptyRule, policyFieldNames, policyFieldsFrom, policyInputFrom } from './policy-form';

describe('policy form', () => {
  it('round-trips the service standard through minutes', () => {
    const made = policyInputFrom(policyFieldsFrom(DEFAULT_SLA_POLICY));
    expect(made).toEqual({ ok: true, input: DEFAULT_SLA_POLICY });
  });

  it('turns minutes into seconds and the percentage into a ratio', () => {
    const fields = { ...emptyPolicyFields(), name: 'Fast', warningPercent: '75' };
    fields.rules[0]!.targets.acknowledge = '0.5';
    fields.escalation['team-lead'] = { on: true, afterMinutes: '15' };
    const made = policyInputFrom(fields);
    expect(made.ok && made.input).toMatchObject({ warningRatio: 0.75, rules: [{ targets: { acknowledge: 30, investigate: 7200 } }], escalation: [{ level: 'team-lead', afterSeconds: 900 }] });
  });

  it('files the shared schema’s refusals under the fields that caused them', () => {
    const fields = { ...emptyPolicyFields(), name: 'Broken', rules: [emptyRule(), emptyRule('urgent', 'vip')] };
    fields.rules[1]!.targets.plan = 'soon';
    fields.rules[0]!.targets.investigate = '10';
    fields.escalation.assignee = { on: true, afterMinutes: '60' };
    fields.escalation.admin = { on: true, afterMinutes: '30' };
    const made = policyInputFrom(fields);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    const { errors, other } = fileUnderFields(made.params, policyFieldNames(2));
    expect(Object.keys(errors).sort()).toEqual(['escalation', 'rules.0.targets', 'rules.1.targets.plan']);
    expect(other).toEqual([]);
  });

  it('needs the fallback rule', () => {
    const made = policyInputFrom({ ...emptyPolicyFields(), name: 'No fallback', rules: [emptyRule('high')] });
    expect(made.ok ? [] : made.params.map((p) => p.name)).toEqual(['rules']);
  });
});
