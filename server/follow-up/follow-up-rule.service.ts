import type { Types } from 'mongoose';
import { DEFAULT_FOLLOW_UP_RULE, followUpRuleSchema, type FollowUpRule } from '@shared/follow-up/follow-up-rule.schema';
import { NotFound } from '../lib/errors';
import { TtlCache } from '../lib/ttl-cache';
import { SurveyModel } from '../surveys/survey.model';

/**
 * Every stored response asks for its survey's rule, so it is cached per process for 10 s: a response
 * that does not match costs no database or Redis round trip. A change reaches other processes within
 * that time (at once in the process that saved it).
 */
const rules = new TtlCache<FollowUpRule | null>(10_000, 1_000);

function parseRule(stored: unknown): FollowUpRule | null {
  const parsed = followUpRuleSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The survey's rule, or null when it has none (or it is off). */
export function cachedFollowUpRule(surveyId: Types.ObjectId | string): Promise<FollowUpRule | null> {
  const id = String(surveyId);
  return rules.get(id, async () => {
    const survey = await SurveyModel.findById(id, { followUpRule: 1 }).lean();
    const rule = parseRule(survey?.followUpRule);
    return rule?.enabled ? rule : null;
  });
}

export async function getFollowUpRule(surveyId: string): Promise<FollowUpRule> {
  const survey = await SurveyModel.findById(surveyId, { followUpRule: 1 }).lean();
  if (!survey) throw new NotFound(`There is no survey ${surveyId}.`);
  return parseRule(survey.followUpRule) ?? DEFAULT_FOLLOW_UP_RULE;
}

export async function setFollowUpRule(surveyId: string, rule: FollowUpRule): Promise<FollowUpRule> {
  // updateOne, not save: the survey's draft and updatedAt belong to the builder.
  const result = await SurveyModel.updateOne({ _id: surveyId }, { $set: { followUpRule: rule } }, { timestamps: false });
  if (result.matchedCount === 0) throw new NotFound(`There is no survey ${surveyId}.`);
  rules.delete(surveyId);
  return rule;
}
