import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../cases/sla-policy.schema';
import { diffStandards } from './standard-diff';
import type { StandardVersion } from './standard.schema';

const POLICY_ID = 'a'.repeat(24);
const base: StandardVersion = {
  touchpoint: 'branch',
  version: 1,
  commitments: [
    { name: 'First response within 1 h', measure: { metric: 'frt-p90', comparator: 'at-most', threshold: 3600 } },
    { name: 'Hotline answered within 30 s' },
    { name: 'CSAT', measure: { metric: 'csat', comparator: 'at-least', threshold: 4.2 } },
  ],
  target: { nps: 20, csat: 4, minN: 30 },
  slaPolicy: { id: POLICY_ID, policy: DEFAULT_SLA_POLICY },
  effectiveFrom: '2026-03-01T00:00:00.000Z',
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'a@example.test',
  reason: 'first',
  source: 'editor',
  actionId: null,
};

describe('diffStandards', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffStandards(base, { ...base, version: 2, reason: 'same again' })).toEqual({ from: 1, to: 2, commitments: [], targets: [], slaPolicy: [] });
  });

  it('reports commitments added, removed and changed, by name regardless of case', () => {
    const next: StandardVersion = {
      ...base,
      version: 2,
      commitments: [
        { name: 'first response within 1 h', measure: { metric: 'frt-p90', comparator: 'at-most', threshold: 1800 } },
        { name: 'CSAT', measure: { metric: 'csat', comparator: 'at-least', threshold: 4.2 } },
        { name: 'Resolution ≥ 95%', measure: { metric: 'fcr', comparator: 'at-least', threshold: 95 } },
      ],
    };
    const diff = diffStandards(base, next);
    expect(diff.commitments).toEqual([
      { name: 'first response within 1 h', change: 'changed', before: base.commitments[0], after: next.commitments[0] },
      { name: 'Hotline answered within 30 s', change: 'removed', before: base.commitments[1], after: null },
      { name: 'Resolution ≥ 95%', change: 'added', before: null, after: next.commitments[2] },
    ]);
  });

  it('reports targets added, removed and changed, minN included', () => {
    const diff = diffStandards(base, { ...base, version: 2, target: { nps: 30, ces: 5, minN: 30 } });
    expect(diff.targets).toEqual([
      { key: 'csat', change: 'removed', before: 4, after: null },
      { key: 'nps', change: 'changed', before: 20, after: 30 },
      { key: 'ces', change: 'added', before: null, after: 5 },
    ]);
  });

  it('reports SLA policy fields by path, and every field when a policy is dropped', () => {
    const vip = DEFAULT_SLA_POLICY.rules[1]!;
    const policy = {
      ...DEFAULT_SLA_POLICY,
      warningRatio: 0.7,
      rules: DEFAULT_SLA_POLICY.rules.map((rule) => (rule === vip ? { ...rule, targets: { ...rule.targets, acknowledge: 600 } } : rule)),
      escalation: DEFAULT_SLA_POLICY.escalation.filter((step) => step.level !== 'admin'),
    };
    const diff = diffStandards(base, { ...base, version: 2, slaPolicy: { id: POLICY_ID, policy } });
    expect(diff.slaPolicy).toEqual([
      { field: 'warningRatio', change: 'changed', before: 0.8, after: 0.7 },
      { field: 'rules.*/vip.acknowledge', change: 'changed', before: 900, after: 600 },
      { field: 'escalation.admin', change: 'removed', before: 86_400, after: null },
    ]);
    const dropped = diffStandards(base, { ...base, version: 2, slaPolicy: null }).slaPolicy;
    expect(dropped.every((row) => row.change === 'removed' && row.after === null)).toBe(true);
    expect(dropped.map((row) => row.field)).toContain('policy');
  });
});
