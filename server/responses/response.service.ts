import { MongoBulkWriteError } from 'mongodb';
import { Types, type ClientSession } from 'mongoose';
import type { ResponseFlag, SubmitResponseInput } from '@shared/responses/response-api.schema';
import { HONEYPOT_FIELD } from '@shared/responses/response-constants';
import { responseMetrics } from '@shared/responses/response-metrics';
import type { ResponseMetrics } from '@shared/responses/response-list.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import { validateAnswers } from '@shared/survey-definition/answer-validation';
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
  const checked = await checkSubmission(survey, input, context.deviceTags !== undefined || tagsSigned(context.app, slug, survey, input));

  const claim = input.token ? await claimResponseToken(input.token, survey.surveyId, input.submissionId) : null;
  const fields: NewResponse = {
    ...checked,
    ...(claim ? { _id: claim.responseId } : {}),
    // A personal link's distribution says where the customer was asked; its tags win over the request's.
    touchpoint: claim?.touchpoint ?? checked.touchpoint,
    channel: claim?.touchpoint ? claim.channel : checked.channel,
    submissionId: input.submissionId,
    contactId: claim?.contactId ?? null,
    distributionId: claim?.distributionId ?? null,
    segment: claim?.segment ?? null,
    tokenId: claim?.tokenId ?? null,
    locale: input.locale ?? null,
    userAgent: context.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    flags: botFlags({ honeypot: input[HONEYPOT_FIELD], elapsedMs: input.elapsedMs }, context.minFillMs),
    elapsedMs: input.elapsedMs,
    submittedAt: new Date(),
  };
  // If giving the token back fails, a retry of this submission still reclaims it (same submissionId).
  const stored = await storeResponse(context.app, fields, () => releaseFreshClaim(claim, input.submissionId).catch(() => undefined));
  return { id: stored.id, created: stored.created };
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

/** What a submission says about its answers, from the public page or another system. */
export interface AnsweredInput {
  /** The published version answered; another system may leave it out for the latest. */
  version?: number | undefined;
  answers: Record<string, unknown>;
  touchpoint?: string | undefined;
  channel?: string | undefined;
  /** A staff link's signature over touchpoint and channel (public page only). */
  sig?: string | undefined;
}

/** A submission's answers as checked against its survey version, ready to be stored. */
export interface CheckedSubmission {
  surveyId: Types.ObjectId;
  version: number;
  answers: Record<string, unknown>;
  metrics: ResponseMetrics;
  touchpoint: string | null;
  channel: string | null;
}

/**
 * Checks a submission against a published version of an open survey: answers, touchpoint and channel
 * together, so one 400 names every field at fault. The public page and other systems both go through it;
 * `signed` says whether the tags may stand (staff tokens always may; see `tagsSigned`).
 */
export async function checkSubmission(survey: OpenSurvey, input: AnsweredInput, signed: boolean): Promise<CheckedSubmission> {
  const version = input.version ?? survey.latestVersion;
  const definition = version <= survey.latestVersion ? await cachedPublishedDefinition(survey.surveyId, version) : null;
  if (!definition) {
    throw new Invalid('The survey version answered is not published.', [
      { name: 'body.version', reason: `is not a published version of this survey (the latest is ${survey.latestVersion})` },
    ]);
  }
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
  return {
    surveyId: new Types.ObjectId(survey.surveyId),
    version,
    answers: validation.answers,
    metrics: responseMetrics(definition, validation.answers),
    touchpoint: input.touchpoint ?? null,
    channel: input.channel ?? null,
  };
}

/** A response document as a submission path hands it to `storeResponse` (the rest take their defaults). */
export type NewResponse = CheckedSubmission & {
  _id?: Types.ObjectId;
  submissionId: string;
  contactId: Types.ObjectId | null;
  segment: string | null;
  distributionId?: Types.ObjectId | null;
  tokenId?: Types.ObjectId | null;
  externalId?: string | null;
  locale: string | null;
  userAgent?: string | null;
  flags?: ResponseFlag[];
  elapsedMs?: number | null;
  submittedAt: Date;
};

/** The outcome of storing: the stored response (the first one, when its submissionId was there before). */
export interface StoredResult {
  id: string;
  version: number;
  created: boolean;
}

/**
 * Stores one response and runs the response consumers. A submissionId stored before is not stored
 * again: `notStored` runs (giving back what the caller claimed), the consumers are asked again about the
 * first response (they are idempotent) and its id is returned.
 */
export async function storeResponse(app: AppContext, fields: NewResponse, notStored?: () => Promise<unknown>): Promise<StoredResult> {
  const id = fields._id ?? new Types.ObjectId();
  try {
    await ResponseModel.create({ ...fields, _id: id });
  } catch (error) {
    await notStored?.();
    if (!isDuplicateKey(error)) throw error;
    return askAgainAbout(app, await earlierSubmission(fields.submissionId, fields.surveyId));
  }
  await afterResponseStored(app, { id, surveyId: fields.surveyId, contactId: fields.contactId, metrics: fields.metrics, created: true });
  return { id: id.toString(), version: fields.version, created: true };
}

/** A response found stored again: its consumers run again (they are idempotent), so a retry completes what a crash cut short. */
export async function askAgainAbout(app: AppContext, earlier: EarlierSubmission): Promise<StoredResult> {
  const { version, ...event } = earlier;
  await afterResponseStored(app, { ...event, created: false });
  return { id: earlier.id.toString(), version, created: false };
}

/** The response stored under `submissionId`, if any (for callers that look before they check, such as another system's retry). */
export async function storedSubmission(submissionId: string): Promise<EarlierSubmission | null> {
  const earlier = await ResponseModel.findOne({ submissionId }, EARLIER_PROJECTION).lean();
  return earlier ? earlierOf(earlier) : null;
}

/** Response consumers run for this many stored responses of a batch at a time. */
const CONSUMER_CONCURRENCY = 50;

async function inGroups<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

/**
 * Stores many responses with one unordered insert; those whose submissionId was stored before (or
 * earlier in the batch) are duplicates and store nothing. The consumers then run for each stored one
 * as after a single submission, and again for duplicates' first responses, so storing a batch again
 * completes what a crash cut short.
 */
export async function storeResponseBatch(app: AppContext, batch: readonly NewResponse[]): Promise<{ created: number; duplicates: number }> {
  if (batch.length === 0) return { created: 0, duplicates: 0 };
  const docs = batch.map((fields) => new ResponseModel(fields).toObject() as NewResponse & { _id: Types.ObjectId });
  const refused = await insertSkippingDuplicates(docs);
  const created = docs.filter((_doc, index) => !refused.has(index));
  await inGroups(created, CONSUMER_CONCURRENCY, (doc) =>
    afterResponseStored(app, { id: doc._id, surveyId: doc.surveyId, contactId: doc.contactId, metrics: doc.metrics, created: true }),
  );
  if (refused.size > 0) {
    const submissionIds = [...refused].map((index) => docs[index]!.submissionId);
    const earlier = await ResponseModel.find({ submissionId: { $in: submissionIds } }, EARLIER_PROJECTION).lean();
    await inGroups(earlier, CONSUMER_CONCURRENCY, (doc) => askAgainAbout(app, earlierOf(doc)));
  }
  return { created: created.length, duplicates: refused.size };
}

/** Inserts unordered; returns the indexes refused as duplicates (any other write error is thrown). */
async function insertSkippingDuplicates(docs: object[]): Promise<Set<number>> {
  try {
    await ResponseModel.collection.insertMany(docs, { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length === 0 || !writeErrors.every((writeError) => isDuplicateKey(writeError))) throw error;
    return new Set(writeErrors.map((writeError) => writeError.index));
  }
}

/** A claim this request made is given back when its response was not stored (a fresh claim never belongs to a stored one). */
async function releaseFreshClaim(claim: ClaimedToken | null, submissionId: string): Promise<void> {
  if (claim?.fresh) await releaseResponseToken(claim.tokenId, submissionId);
}

export type EarlierSubmission = Omit<StoredResponseEvent, 'created'> & { version: number };
export const EARLIER_PROJECTION = { surveyId: 1, contactId: 1, metrics: 1, version: 1, submissionId: 1 } as const;

/** The event of a response read with EARLIER_PROJECTION. */
export function earlierOf(doc: Pick<ResponseDoc, '_id' | 'surveyId' | 'contactId' | 'metrics' | 'version'>): EarlierSubmission {
  return { id: doc._id, surveyId: doc.surveyId, contactId: doc.contactId ?? null, metrics: doc.metrics as ResponseMetrics, version: doc.version };
}

/** The response stored before under `submissionId`, which must be of the same survey. */
export async function earlierSubmission(submissionId: string, surveyId: Types.ObjectId): Promise<EarlierSubmission> {
  const earlier = await ResponseModel.findOne({ submissionId }, EARLIER_PROJECTION).lean();
  if (!earlier) throw new Conflict('This submission is being stored right now; send it again in a moment.', 'submission-in-progress');
  if (!earlier.surveyId.equals(surveyId)) throw new Conflict('This submissionId belongs to another survey; make a new one.', 'submission-id-taken');
  return earlierOf(earlier);
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
