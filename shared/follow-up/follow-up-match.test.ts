import { describe, expect, it } from 'vitest';
import { describeFollowUpReasons, followUpReasons, matchesFollowUpRule } from './follow-up-match';
import { followUpRuleSchema, type FollowUpRule } from './follow-up-rule.schema';

const rule = (when: FollowUpRule['when'], enabled = true): FollowUpRule => ({ enabled, when, acknowledge: true, notifyOwners: true });

describe('matchesFollowUpRule', () => {
  it('matches when any threshold is met, inclusive of the threshold itself', () => {
    const npsOrCsat = rule({ npsAtMost: 6, csatAtMost: 2 });
    expect(matchesFollowUpRule(npsOrCsat, { nps: 6, csat: 5 })).toBe(true);
    expect(matchesFollowUpRule(npsOrCsat, { nps: 7, csat: 2 })).toBe(true);
    expect(matchesFollowUpRule(npsOrCsat, { nps: 7, csat: 2.01 })).toBe(false);
    expect(matchesFollowUpRule(npsOrCsat, { nps: 0 })).toBe(true);
    expect(matchesFollowUpRule(npsOrCsat, { nps: 10, csat: 4.5 })).toBe(false);
  });

  it('never matches on a metric the response does not carry, or a disabled or missing rule', () => {
    expect(matchesFollowUpRule(rule({ cesAtMost: 3 }), { nps: 0, csat: 1 })).toBe(false);
    expect(matchesFollowUpRule(rule({ npsAtMost: 6 }, false), { nps: 0 })).toBe(false);
    expect(matchesFollowUpRule(null, { nps: 0 })).toBe(false);
    expect(matchesFollowUpRule(rule({ npsAtMost: 6 }), {})).toBe(false);
    expect(matchesFollowUpRule(rule({ npsAtMost: 6 }), { nps: Number.NaN })).toBe(false);
  });

  it('lists every threshold met, and describes them in English and Chinese', () => {
    const reasons = followUpReasons(rule({ npsAtMost: 6, csatAtMost: 2, cesAtMost: 3 }), { nps: 2, csat: 1.5, ces: 6 });
    expect(reasons).toEqual([
      { metric: 'nps', value: 2, atMost: 6 },
      { metric: 'csat', value: 1.5, atMost: 2 },
    ]);
    expect(describeFollowUpReasons(reasons)).toBe('NPS 2 (at most 6); CSAT 1.5 (at most 2)');
    expect(describeFollowUpReasons(reasons, 'zh-CN')).toBe('NPS 2（不高于 6）；CSAT 1.5（不高于 2）');
  });
});

describe('followUpRuleSchema', () => {
  it('accepts thresholds on each metric scale and refuses ones outside it', () => {
    expect(followUpRuleSchema.safeParse(rule({ npsAtMost: 6, csatAtMost: 2, cesAtMost: 3 })).success).toBe(true);
    expect(followUpRuleSchema.safeParse(rule({ npsAtMost: 11 })).success).toBe(false);
    expect(followUpRuleSchema.safeParse(rule({ csatAtMost: 0 })).success).toBe(false);
    expect(followUpRuleSchema.safeParse(rule({ cesAtMost: 8 })).success).toBe(false);
  });

  it('refuses an enabled rule without any threshold, but allows a disabled one', () => {
    const refused = followUpRuleSchema.safeParse(rule({}));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['when']);
    expect(followUpRuleSchema.safeParse(rule({}, false)).success).toBe(true);
  });
});
