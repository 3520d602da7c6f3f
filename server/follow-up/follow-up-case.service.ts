import type { Types } from 'mongoose';
import { describeFollowUpReasons } from '@shared/follow-up/follow-up-match';
import type { FollowUpMetric } from '@shared/follow-up/follow-up-rule.schema';
import type { AppContext } from '../app-context';
import { caseOfOrigin, NoCaseTeam, openCaseOnce } from '../cases/case-intake.service';
import type { CaseRecord } from '../cases/case.model';
import { Invalid } from '../lib/errors';
import { setFollowUpCase, type StoredFollowUp } from '../responses/response-follow-up.service';
import type { ResponseDoc } from '../responses/response.model';
import { SurveyModel } from '../surveys/survey.model';
import { responseLinkOf } from './alert-attempts';

/** One case per matched response, ever: a resubmission or a retried job finds it. */
export const followUpOriginKey = (responseId: Types.ObjectId | string) => `follow-up/${responseId.toString()}`;

/** A response without a channel tag is filed under this channel (cases need one). */
const UNTAGGED_CHANNEL = 'untagged';

export type FollowUpResponse = Pick<ResponseDoc, '_id' | 'surveyId' | 'contactId' | 'touchpoint' | 'channel' | 'segment' | 'submittedAt'>;

/**
 * Opens the case of a matched response (source `follow-up`, origin { responseId, reasons }), routed
 * and prioritised by the intake rules on its touchpoint, channel, segment and low scores, and records
 * its number on the mark. Null when no case can be opened — no touchpoint, an unknown one, or no team
 * takes it — which is logged: the owners' alerts still go out, and the start-up migration tries again.
 */
export async function openFollowUpCase(
  ctx: AppContext,
  response: FollowUpResponse,
  mark: Pick<StoredFollowUp, 'reasons' | 'matchedAt'>,
  /** false: the caller records the number itself, once it finished with the case (the migration closes some first). */
  record = true,
): Promise<CaseRecord | null> {
  const skip = (reason: string, err?: unknown) => {
    // A response without a touchpoint is expected (an untagged link); the others need an admin.
    ctx.logger[reason === 'no-touchpoint' ? 'info' : 'warn']({ err, responseId: response._id.toString(), reason }, 'no case was opened for a low-score follow-up');
    return null;
  };
  if (!response.touchpoint) return skip('no-touchpoint');
  const survey = await SurveyModel.findById(response.surveyId, { title: 1 }).lean();
  const reason = describeFollowUpReasons(mark.reasons);
  const scores: Partial<Record<FollowUpMetric, number>> = Object.fromEntries(mark.reasons.map((r) => [r.metric, r.value]));
  try {
    const { case: opened } = await openCaseOnce(ctx, {
      source: 'follow-up',
      originKey: followUpOriginKey(response._id),
      origin: { responseId: response._id.toString(), surveyId: response.surveyId.toString(), reasons: mark.reasons },
      summary: `Low score: ${reason}`.slice(0, 300),
      description: [`${reason}${survey?.title ? ` · ${survey.title}` : ''}`, responseLinkOf(ctx, response.surveyId, response._id)].join('\n'),
      ...(response.contactId ? { contactId: response.contactId.toString() } : {}),
      touchpoint: response.touchpoint,
      channel: response.channel ?? UNTAGGED_CHANNEL,
      segment: response.segment ?? 'standard',
      scores,
    });
    if (record) await setFollowUpCase(response._id, opened.number);
    return opened;
  } catch (error) {
    if (error instanceof NoCaseTeam) return skip('no-team', error);
    // The touchpoint or contact was deleted since the response came in: nothing a retry can fix.
    if (error instanceof Invalid) return skip('invalid', error);
    throw error;
  }
}

/** The case a matched response opened, if any. */
export const followUpCaseOf = (responseId: string) => caseOfOrigin(followUpOriginKey(responseId));
