import type { UiLocale } from '../survey-definition/survey-locale';
import type { ResponseMetrics } from '../responses/response-list.schema';
import type { FollowUpReason, FollowUpRule } from './follow-up-rule.schema';

const THRESHOLDS = [
  ['nps', 'npsAtMost'],
  ['csat', 'csatAtMost'],
  ['ces', 'cesAtMost'],
] as const;

/** The thresholds of an enabled rule a response's metrics meet (empty: no follow-up). Metrics not asked never match. */
export function followUpReasons(rule: FollowUpRule | null | undefined, metrics: ResponseMetrics): FollowUpReason[] {
  if (!rule?.enabled) return [];
  const reasons: FollowUpReason[] = [];
  for (const [metric, key] of THRESHOLDS) {
    const atMost = rule.when[key];
    const value = metrics[metric];
    if (atMost !== undefined && typeof value === 'number' && Number.isFinite(value) && value <= atMost) reasons.push({ metric, value, atMost });
  }
  return reasons;
}

export function matchesFollowUpRule(rule: FollowUpRule | null | undefined, metrics: ResponseMetrics): boolean {
  return followUpReasons(rule, metrics).length > 0;
}

const LABELS = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;
const round = (n: number) => String(Math.round(n * 100) / 100);

/** "NPS 3 (at most 6)" / "NPS 3（不高于 6）", joined when several thresholds were met. */
export function describeFollowUpReasons(reasons: readonly FollowUpReason[], locale: UiLocale = 'en'): string {
  return reasons
    .map((r) =>
      locale === 'zh-CN' ? `${LABELS[r.metric]} ${round(r.value)}（不高于 ${round(r.atMost)}）` : `${LABELS[r.metric]} ${round(r.value)} (at most ${round(r.atMost)})`,
    )
    .join(locale === 'zh-CN' ? '；' : '; ');
}
