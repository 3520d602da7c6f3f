import type { FollowUpMetric } from '../follow-up/follow-up-rule.schema';
import type { CaseIntakeRules, CasePriorityRule, CaseRouteRule } from './case-intake-rules.schema';
import { ANY, CASE_PRIORITIES, type CasePriority } from './sla-policy.schema';

/** What the rules look at in a case being opened. */
export interface IntakeFacts {
  touchpoint: string;
  channel: string;
  segment: string;
  category: string | null;
  /** The scores that opened it (a follow-up match), by metric; empty for other sources. */
  scores: Partial<Record<FollowUpMetric, number>>;
}

export function routeMatches(rule: CaseRouteRule, facts: Pick<IntakeFacts, 'touchpoint' | 'channel'>): boolean {
  return (rule.touchpoint === ANY || rule.touchpoint === facts.touchpoint) && (rule.channel === ANY || rule.channel === facts.channel);
}

/** The team of the first routing rule that matches, else the default team (null when there is none). */
export function routeCaseTeam(rules: CaseIntakeRules, facts: Pick<IntakeFacts, 'touchpoint' | 'channel'>): string | null {
  return rules.routes.find((rule) => routeMatches(rule, facts))?.teamId ?? rules.defaultTeamId;
}

/** Every condition a priority rule sets holds (a score condition needs that score to be present). */
export function priorityRuleMatches(rule: CasePriorityRule, facts: IntakeFacts): boolean {
  if (rule.segments && !rule.segments.includes(facts.segment)) return false;
  if (rule.categories && (facts.category === null || !rule.categories.includes(facts.category))) return false;
  if (rule.score) {
    const value = facts.scores[rule.score.metric];
    if (value === undefined || value > rule.score.atMost) return false;
  }
  return true;
}

const urgency = (priority: CasePriority) => CASE_PRIORITIES.indexOf(priority);

/**
 * The most urgent priority among the rules that match, else the default. Most urgent rather than first
 * match, so a VIP rule and a very-low-score rule both raise a case without their order mattering.
 */
export function caseIntakePriority(rules: CaseIntakeRules, facts: IntakeFacts): CasePriority {
  const matched = rules.priorities.filter((rule) => priorityRuleMatches(rule, facts)).map((rule) => rule.priority);
  if (matched.length === 0) return rules.defaultPriority;
  return matched.reduce((a, b) => (urgency(b) > urgency(a) ? b : a));
}
