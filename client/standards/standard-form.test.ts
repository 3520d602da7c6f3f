import { describe, expect, it } from 'vitest';
import type { StandardVersion } from '@shared/standards/standard.schema';
import { emptyCommitment, fieldsFromVersion, versionInputFrom } from './standard-form';

const VERSION: StandardVersion = {
  touchpoint: 'desk',
  version: 2,
  commitments: [{ name: 'First response within 1 h', measure: { metric: 'frt-p90', comparator: 'at-most', threshold: 3600 } }, { name: 'Hotline answered within 30 s', text: 'Phone system' }],
  target: { nps: 20, minN: 30 },
  slaPolicy: null,
  effectiveFrom: '2026-03-01T00:00:00.000Z',
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'a@example.test',
  reason: 'why',
  source: 'editor',
  actionId: null,
};

describe('standard editor fields', () => {
  it('round-trips a version into the input of the next one, with a new reason', () => {
    const fields = { ...fieldsFromVersion(VERSION), reason: '  Quarterly review  ' };
    expect(fields.target.nps).toBe('20');
    expect(versionInputFrom(fields, false)).toEqual({
      ok: true,
      input: { commitments: VERSION.commitments, target: { nps: 20, minN: 30 }, slaPolicyId: null, reason: 'Quarterly review' },
    });
    // Without the policy list, the policy is carried over by leaving it out.
    const kept = versionInputFrom(fields, true);
    expect(kept.ok && 'slaPolicyId' in kept.input).toBe(false);
  });

  it('requires a reason, a number for a measured commitment, and a target in range', () => {
    const fields = fieldsFromVersion(VERSION);
    fields.commitments.push({ ...emptyCommitment(), name: 'CSAT', metric: 'csat', threshold: 'high' });
    fields.target.nps = '500';
    const result = versionInputFrom(fields, true);
    expect(result).toEqual({ ok: false, errors: { reason: 'required', 'commitments.2.threshold': 'not-a-number', 'target.nps': 'out-of-range' } });
  });

  it('refuses two commitments of the same name', () => {
    const fields = { ...fieldsFromVersion(VERSION), reason: 'r' };
    fields.commitments.push({ ...emptyCommitment(), name: 'hotline answered within 30 s' });
    expect(versionInputFrom(fields, true)).toEqual({ ok: false, errors: { commitments: 'invalid' } });
  });
});
