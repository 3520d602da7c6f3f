import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseIntakePriority, priorityRuleMatches, routeCaseTeam, routeMatches, type IntakeFacts } from './case-intake-rules';
import { caseIntakeRulesSchema, type CaseIntakeRules, type CasePriorityRule } from './case-intake-rules.schema';
import { CASE_PRIORITIES } from './sla-policy.schema';

const TEAM = { counter: 'aaaaaaaaaaaaaaaaaaaaaaaa', phone: 'bbbbbbbbbbbbbbbbbbbbbbbb', fallback: 'cccccccccccccccccccccccc' };
const facts = (over: Partial<IntakeFacts> = {}): IntakeFacts => ({ touchpoint: 'branch-visit', channel: 'on-site', segment: 'standard', category: null, scores: {}, ...over });

const RULES: CaseIntakeRules = caseIntakeRulesSchema.parse({
  defaultTeamId: TEAM.fallback,
  routes: [
    { touchpoint: 'branch-visit', channel: 'phone', teamId: TEAM.phone },
    { touchpoint: 'branch-visit', channel: '*', teamId: TEAM.counter },
  ],
  priorities: [
    { segments: ['vip', 'strategic'], priority: 'high' },
    { score: { metric: 'nps', atMost: 6 }, priority: 'normal' },
    { score: { metric: 'nps', atMost: 2 }, segments: ['vip'], priority: 'urgent' },
    { categories: ['fraud'], priority: 'urgent' },
  ],
  defaultPriority: 'low',
});

describe('routing a case', () => {
  it('takes the first matching rule, then the default team', () => {
    expect(routeCaseTeam(RULES, facts({ channel: 'phone' }))).toBe(TEAM.phone);
    expect(routeCaseTeam(RULES, facts({ channel: 'web' }))).toBe(TEAM.counter);
    expect(routeCaseTeam(RULES, facts({ touchpoint: 'mobile-app' }))).toBe(TEAM.fallback);
    expect(routeCaseTeam({ ...RULES, defaultTeamId: null }, facts({ touchpoint: 'mobile-app' }))).toBeNull();
  });

  it('is the team of the first rule that matches, whatever follows it (property)', () => {
    const slug = fc.constantFrom('a', 'b', 'c');
    const rule = fc.record({ touchpoint: fc.constantFrom('*', 'a', 'b', 'c'), channel: fc.constantFrom('*', 'a', 'b', 'c'), teamId: fc.constantFrom(...Object.values(TEAM)) });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), fc.array(rule, { maxLength: 8 }), slug, slug, (routes, more, touchpoint, channel) => {
        const rules = { ...RULES, routes };
        const team = routeCaseTeam(rules, { touchpoint, channel });
        const first = routes.findIndex((r) => routeMatches(r, { touchpoint, channel }));
        expect(team).toBe(first < 0 ? TEAM.fallback : routes[first]!.teamId);
        // Rules added after a match never change where the case goes.
        if (first >= 0) expect(routeCaseTeam({ ...rules, routes: [...routes, ...more] }, { touchpoint, channel })).toBe(team);
      }),
    );
  });
});

describe('priority of a case', () => {
  it('comes from segment, score and category rules; the most urgent match wins', () => {
    expect(caseIntakePriority(RULES, facts())).toBe('low');
    expect(caseIntakePriority(RULES, facts({ segment: 'vip' }))).toBe('high');
    expect(caseIntakePriority(RULES, facts({ scores: { nps: 5 } }))).toBe('normal');
    expect(caseIntakePriority(RULES, facts({ scores: { nps: 7 } }))).toBe('low');
    expect(caseIntakePriority(RULES, facts({ segment: 'vip', scores: { nps: 1 } }))).toBe('urgent');
    expect(caseIntakePriority(RULES, facts({ segment: 'standard', scores: { nps: 1 } }))).toBe('normal');
    expect(caseIntakePriority(RULES, facts({ category: 'fraud' }))).toBe('urgent');
    // A score rule needs the score: a complaint without one does not match it.
    expect(priorityRuleMatches({ score: { metric: 'csat', atMost: 2 }, priority: 'high' }, facts({ scores: { nps: 0 } }))).toBe(false);
  });

  it('is never less urgent than a matching rule, and is a matching rule’s or the default (property)', () => {
    const priorityRule: fc.Arbitrary<CasePriorityRule> = fc
      .record(
        {
          segments: fc.array(fc.constantFrom('vip', 'standard', 'strategic'), { minLength: 1, maxLength: 2 }),
          score: fc.record({ metric: fc.constantFrom('nps' as const, 'csat' as const), atMost: fc.integer({ min: 0, max: 10 }) }),
          categories: fc.array(fc.constantFrom('fraud', 'wait-time'), { minLength: 1, maxLength: 2 }),
          priority: fc.constantFrom(...CASE_PRIORITIES),
        },
        { requiredKeys: ['priority'] },
      )
      .filter((r) => r.segments !== undefined || r.score !== undefined || r.categories !== undefined);
    const someFacts = fc.record({
      touchpoint: fc.constant('branch-visit'),
      channel: fc.constant('on-site'),
      segment: fc.constantFrom('vip', 'standard', 'strategic'),
      category: fc.constantFrom(null, 'fraud', 'wait-time'),
      scores: fc.record({ nps: fc.integer({ min: 0, max: 10 }), csat: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] }),
    });
    fc.assert(
      fc.property(fc.array(priorityRule, { maxLength: 6 }), someFacts, fc.constantFrom(...CASE_PRIORITIES), (priorities, f, defaultPriority) => {
        const rules = { ...RULES, priorities, defaultPriority };
        const result = caseIntakePriority(rules, f);
        const matched = priorities.filter((r) => priorityRuleMatches(r, f)).map((r) => r.priority);
        for (const p of matched) expect(CASE_PRIORITIES.indexOf(result)).toBeGreaterThanOrEqual(CASE_PRIORITIES.indexOf(p));
        expect(matched.length === 0 ? [defaultPriority] : matched).toContain(result);
        // Rule order does not matter.
        expect(caseIntakePriority({ ...rules, priorities: [...priorities].reverse() }, f)).toBe(result);
      }),
    );
  });

  it('refuses a priority rule without a condition', () => {
    expect(caseIntakeRulesSchema.safeParse({ defaultTeamId: null, priorities: [{ priority: 'high' }] }).success).toBe(false);
  });
});
