import { Types, type ClientSession } from 'mongoose';
import type { SubmitResponseInput } from '@shared/responses/response-api.schema';
import { HONEYPOT_FIELD } from '@shared/responses/response-constants';
import { responseMetrics } from '@shared/responses/response-metrics';
import type { ResponseMetrics } from '@shared/responses/response-list.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import { validateAnswers } from '@shared/survey-definition/answer-validation';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { AppContext } from '../app-context';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { cachedOpenSurvey, cachedPublishedDefinition, isKnownChannel, isKnownTouchpoint } from '../surveys/survey-cache';
import { surveyLinkSignatureMatches } from '../surveys/survey-link';
import type { OpenSurvey } from '../surveys/survey.service';
import { botFlags } from './bot-flags';
import { afterResponseStored, type StoredResponseEvent } from './response-events';
import { ResponseModel, type ResponseDoc } from './response.model';
import { claimResponseToken, releaseResponseToken, type ClaimedToken } from './response-token.service';

const MAX_USER_AGENT = 512;

export interface SubmissionContext {
  app: AppContext;
  userAgent?: string | undefined;
  /** Fill time under which a response is flagged `too-fast`. */
  minFillMs: number;
  /**
   * A kiosk tablet's touchpoint and channel, fixed by staff when they registered the device: they replace
   * whatever the page sent and need no link signature (the device credential vouches for them).
   */
  deviceTags?: { touchpoint: string; channel: string };
}

export interface SubmitResult {
  id: string;
  /** False when the submissionId was stored before: nothing new was written. */
  created: boolean;
}

/**
 * Stores one customer's answers to the published survey behind `slug`, checked against the exact
 * version the page rendered. Resubmitting a submissionId returns the first response's id.
 */
export async function submitResponse(slug: string, request: SubmitResponseInput, context: SubmissionContext): Promise<SubmitResult> {
  const input: SubmitResponseInput = context.deviceTags ? { ...request, ...context.deviceTags, sig: undefined } : request;
  const survey = await cachedOpenSurvey(slug);
  if (!survey) throw new NotFound('This survey is not open for answers.');
  const definition = input.version <= survey.latestVersion ? await cachedPublishedDefinition(survey.surveyId, input.version) : null;
  if (!definition) {
    throw new Invalid('The survey version answered is not published.', [
      { name: 'body.version', reason: `is not a published version of this survey (the latest is ${survey.latestVersion})` },
    ]);
  }
  const answers = await checkSubmission(definition, input, context.deviceTags !== undefined || tagsSigned(context.app, slug, survey, input));

  const claim = input.token ? await claimResponseToken(input.token, survey.surveyId, input.submissionId) : null;
  const id = claim?.responseId ?? new Types.ObjectId();
  const metrics = responseMetrics(definition, answers);
  try {
    await ResponseModel.create({
      _id: id,
      surveyId: survey.surveyId,
      version: input.version,
      submissionId: input.submissionId,
      answers,
      metrics,
      // A personal link's distribution says where the customer was asked; its tags win over the request's.
      touchpoint: claim?.touchpoint ?? input.touchpoint ?? null,
      channel: claim?.touchpoint ? claim.channel : (input.channel ?? null),
      contactId: claim?.contactId ?? null,
      distributionId: claim?.distributionId ?? null,
      segment: claim?.segment ?? null,
      tokenId: claim?.tokenId ?? null,
      locale: input.locale ?? null,
      userAgent: context.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      flags: botFlags({ honeypot: input[HONEYPOT_FIELD], elapsedMs: input.elapsedMs }, context.minFillMs),
      elapsedMs: input.elapsedMs,
      submittedAt: new Date(),
    });
  } catch (error) {
    // If giving the token back fails, a retry of this submission still reclaims it (same submissionId).
    await releaseFreshClaim(claim, input.submissionId).catch(() => undefined);
    if (!isDuplicateKey(error)) throw error;
    const earlier = await earlierSubmission(input.submissionId, survey.surveyId);
    await afterResponseStored(context.app, { ...earlier, created: false });
    return { id: earlier.id.toString(), created: false };
  }
  await afterResponseStored(context.app, { id, surveyId: new Types.ObjectId(survey.surveyId), contactId: claim?.contactId ?? null, metrics, created: true });
  return { id: id.toString(), created: true };
}

/**
 * Whether the request may tag its answers with its touchpoint/channel: always when the survey allows any,
 * else only with the `sig` of a link staff made for exactly these tags (an anonymous poster would
 * otherwise pick the touchpoint, and so the owners alerted, at will).
 */
function tagsSigned(ctx: AppContext, slug: string, survey: OpenSurvey, input: SubmitResponseInput): boolean {
  if (survey.allowUnsignedTags || (input.touchpoint === undefined && input.channel === undefined)) return true;
  return input.sig !== undefined && surveyLinkSignatureMatches(ctx, slug, input, input.sig);
}

/** Answers, touchpoint and channel checked together, so one 400 names every field at fault. */
async function checkSubmission(definition: SurveyDefinition, input: SubmitResponseInput, signed: boolean): Promise<Record<string, unknown>> {
  const [validation, touchpointKnown, channelKnown] = await Promise.all([
    Promise.resolve(validateAnswers(definition, input.answers)),
    input.touchpoint === undefined || isKnownTouchpoint(input.touchpoint),
    input.channel === undefined || isKnownChannel(input.channel),
  ]);
  const invalid: InvalidParam[] = validation.ok
    ? []
    : validation.invalidParams.map(({ name, reason }) => ({ name: name === 'answers' ? 'body.answers' : `body.answers.${name}`, reason }));
  if (!touchpointKnown) invalid.push({ name: 'body.touchpoint', reason: `there is no touchpoint "${input.touchpoint}"` });
  if (!channelKnown) invalid.push({ name: 'body.channel', reason: `there is no channel "${input.channel}"` });
  if (!signed) {
    const reason = input.sig === undefined ? 'needs the sig of a link made for it' : 'does not match the link\'s sig';
    if (input.touchpoint !== undefined && touchpointKnown) invalid.push({ name: 'body.touchpoint', reason });
    if (input.channel !== undefined && channelKnown) invalid.push({ name: 'body.channel', reason });
  }
  if (input.sig !== undefined && input.touchpoint === undefined && input.channel === undefined) {
    invalid.push({ name: 'body.sig', reason: 'signs a touchpoint or channel; none was given' });
  }
  if (!validation.ok || invalid.length > 0) throw new Invalid('Some answers are missing or invalid.', invalid);
  return validation.answers;
}

/** A claim this request made is given back when its response was not stored (a fresh claim never belongs to a stored one). */
async function releaseFreshClaim(claim: ClaimedToken | null, submissionId: string): Promise<void> {
  if (claim?.fresh) await releaseResponseToken(claim.tokenId, submissionId);
}

async function earlierSubmission(submissionId: string, surveyId: string): Promise<Omit<StoredResponseEvent, 'created'>> {
  const earlier = await ResponseModel.findOne({ submissionId }, { surveyId: 1, contactId: 1, metrics: 1 }).lean();
  if (!earlier) throw new Conflict('This submission is being stored right now; send it again in a moment.', 'submission-in-progress');
  if (!earlier.surveyId.equals(surveyId)) throw new Conflict('This submissionId belongs to another survey; make a new one.', 'submission-id-taken');
  return { id: earlier._id, surveyId: earlier.surveyId, contactId: earlier.contactId ?? null, metrics: earlier.metrics as ResponseMetrics };
}

/** One stored response, or null. */
export async function findResponse(id: string | Types.ObjectId): Promise<ResponseDoc | null> {
  return ResponseModel.findById(id).lean<ResponseDoc>();
}

/**
 * Flips pending responses to `folded`, in the score fold's transaction (its `$inc` commits with the
 * flip, so each response counts once). Returns how many were still pending.
 */
export async function markFolded(ids: readonly Types.ObjectId[], session: ClientSession): Promise<number> {
  const flipped = await ResponseModel.updateMany({ _id: { $in: ids }, foldState: 'pending' }, { $set: { foldState: 'folded' } }, { session });
  return flipped.modifiedCount;
}
