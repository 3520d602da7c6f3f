import { Types } from 'mongoose';
import type { SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { commentTexts } from '@shared/themes/comment-text';
import type { TermFrequency } from '@shared/themes/theme-api.schema';
import { countTerms, termChanges } from '@shared/themes/term-changes';
import { ResponseModel } from '../responses/response.model';
import { cachedPublishedDefinition } from '../surveys/survey-cache';
import { addDays, dayOf } from './period-plan';
import { NONE } from './rollup.model';

/**
 * Terms are counted from the comments themselves (a term rollup would hold every word ever written);
 * a busy period is read up to its newest this many responses with a comment, and says so.
 */
export const TERM_SAMPLE = 5000;

export interface CommentFilter {
  survey?: string | undefined;
  touchpoints?: readonly string[] | undefined;
  touchpoint?: string | undefined;
  channel?: string | undefined;
  segment?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only responses tagged with this theme. */
  theme?: string | undefined;
}

export interface PeriodComments {
  /** Each response's comments joined, newest first, per touchpoint (`-` for none). */
  byTouchpoint: Map<string, string[]>;
  sampled: boolean;
}

/** The comments of the responses matching `filter` in [from, to] (UTC days, inclusive), newest first. */
export async function commentsInPeriod(filter: CommentFilter, limit = TERM_SAMPLE): Promise<PeriodComments> {
  const query: Record<string, unknown> = {};
  if (filter.survey !== undefined) query.surveyId = new Types.ObjectId(filter.survey);
  if (filter.touchpoint !== undefined) query.touchpoint = filter.touchpoint;
  else if (filter.touchpoints !== undefined) query.touchpoint = { $in: filter.touchpoints };
  if (filter.channel !== undefined) query.channel = filter.channel;
  if (filter.segment !== undefined) query.segment = filter.segment;
  if (filter.theme !== undefined) query.themes = filter.theme;
  else query.themes = { $exists: true }; // tagged by the fold, so it has a comment
  const submittedAt: Record<string, Date> = {};
  if (filter.from !== undefined) submittedAt.$gte = new Date(`${filter.from}T00:00:00Z`);
  submittedAt.$lt = new Date(`${addDays(filter.to ?? dayOf(new Date()), 1)}T00:00:00Z`);
  query.submittedAt = submittedAt;
  const byTouchpoint = new Map<string, string[]>();
  let found = 0;
  const cursor = ResponseModel.find(query, { surveyId: 1, version: 1, answers: 1, touchpoint: 1 })
    .sort({ submittedAt: -1 })
    .limit(limit + 1)
    .lean()
    .cursor();
  for await (const response of cursor) {
    const definition = await cachedPublishedDefinition(response.surveyId.toString(), response.version);
    const texts = commentTexts((definition ?? {}) as SurveyDefinitionJson, (response.answers ?? {}) as Record<string, unknown>);
    if (found === limit) return { byTouchpoint, sampled: true };
    if (texts.length === 0) continue;
    const touchpoint = response.touchpoint ?? NONE;
    byTouchpoint.set(touchpoint, [...(byTouchpoint.get(touchpoint) ?? []), texts.join('\n')]);
    found += 1;
  }
  return { byTouchpoint, sampled: false };
}

/**
 * The `limit` terms most comments mention, each counted once per comment, with the change in the
 * share of comments mentioning it against `previous` (two-proportion z-test) when a previous period is given.
 */
export function frequentTerms(comments: readonly string[], previous: readonly string[] | null, limit: number): TermFrequency[] {
  const after = countTerms(comments);
  const changes = previous ? new Map(termChanges(countTerms(previous), after, { minCount: 1 }).map((change) => [change.term, change])) : null;
  return [...after.counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([term, count]) => {
      const change = changes?.get(term);
      return { term, count, shareChange: change ? change.shareChange : null, significant: change?.significant ?? false };
    });
}
