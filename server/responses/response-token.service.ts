import { Types } from 'mongoose';
import { RESPONSE_PROBLEM_CODES } from '@shared/responses/response-constants';
import { Conflict, HttpError, Invalid } from '../lib/errors';
import { hashRandomToken, newRandomToken } from '../lib/random-token';
import { ResponseTokenModel, type ResponseTokenRecord } from './response-token.model';

export interface IssueResponseTokenInput {
  surveyId: string | Types.ObjectId;
  contactId?: string | Types.ObjectId;
  distributionId?: string | Types.ObjectId;
  segment?: string | null;
  touchpoint?: string | null;
  channel?: string | null;
  occurrence?: string;
  expiresAt: Date;
}

/** Only a token's hash is stored. */
export const hashResponseToken = hashRandomToken;

/** Makes a personal-link token; only its hash is stored. The caller puts the token in the link (`?t=`). */
export async function issueResponseToken(input: IssueResponseTokenInput): Promise<{ token: string }> {
  const token = newRandomToken();
  await ResponseTokenModel.create({
    tokenHash: hashResponseToken(token),
    surveyId: input.surveyId,
    contactId: input.contactId ?? null,
    distributionId: input.distributionId ?? null,
    segment: input.segment ?? null,
    touchpoint: input.touchpoint ?? null,
    channel: input.channel ?? null,
    occurrence: input.occurrence ?? null,
    expiresAt: input.expiresAt,
  });
  return { token };
}

export interface ClaimedToken {
  tokenId: Types.ObjectId;
  contactId: Types.ObjectId | null;
  distributionId: Types.ObjectId | null;
  segment: string | null;
  /** Where the link was sent from: the response is filed under these, whatever the request says. */
  touchpoint: string | null;
  channel: string | null;
  /** The id the response must be stored under; the same on every retry of one submission. */
  responseId: Types.ObjectId;
  /** False when this submission had claimed it before (a retry); such a claim is never released. */
  fresh: boolean;
}

/**
 * Claims a token for one submission, atomically: only an unused, unexpired token of this survey is
 * taken. A retry of the submission that claimed it gets the same claim back.
 */
export async function claimResponseToken(token: string, surveyId: string, submissionId: string): Promise<ClaimedToken> {
  const tokenHash = hashResponseToken(token);
  const now = new Date();
  const responseId = new Types.ObjectId();
  const claimed = await ResponseTokenModel.findOneAndUpdate(
    { tokenHash, surveyId, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now, submissionId, responseId } },
    // No projection: the embedded store drops a projected post-image that no longer matches the filter.
    { returnDocument: 'after' },
  ).lean();
  if (claimed) return { tokenId: claimed._id, ...linksOf(claimed), responseId, fresh: true };

  const known = await ResponseTokenModel.findOne({ tokenHash }).lean();
  if (!known || !known.surveyId.equals(surveyId)) {
    throw new Invalid('The personal link is not valid for this survey.', [{ name: 'body.token', reason: 'is not a token of this survey' }]);
  }
  if (known.usedAt && known.submissionId === submissionId && known.responseId) {
    return { tokenId: known._id, ...linksOf(known), responseId: known.responseId, fresh: false };
  }
  if (known.usedAt) {
    throw new Conflict('This personal link has already been used to answer the survey; each link answers once.', RESPONSE_PROBLEM_CODES.tokenUsed);
  }
  throw new HttpError(410, RESPONSE_PROBLEM_CODES.tokenExpired, 'Link expired', 'This personal link has expired.');
}

type TokenLinks = Pick<ResponseTokenRecord, 'contactId' | 'distributionId' | 'segment' | 'touchpoint' | 'channel'>;

function linksOf(token: Partial<TokenLinks>): Omit<ClaimedToken, 'tokenId' | 'responseId' | 'fresh'> {
  return {
    contactId: token.contactId ?? null,
    distributionId: token.distributionId ?? null,
    segment: token.segment ?? null,
    touchpoint: token.touchpoint ?? null,
    channel: token.channel ?? null,
  };
}

/** Distributions with tokens issued before tokens recorded their distribution's touchpoint and channel. */
export async function distributionsWithUntaggedTokens(): Promise<Types.ObjectId[]> {
  return ResponseTokenModel.distinct('distributionId', { distributionId: { $ne: null }, touchpoint: { $exists: false } });
}

/** Records a distribution's tags on its tokens issued before tokens carried them; returns how many. */
export async function tagUntaggedTokens(distributionId: Types.ObjectId, tags: { touchpoint: string | null; channel: string | null }): Promise<number> {
  const { modifiedCount } = await ResponseTokenModel.updateMany({ distributionId, touchpoint: { $exists: false } }, { $set: tags });
  return modifiedCount;
}

/** Gives a claimed token back after the response could not be stored, so the customer can try again. */
export async function releaseResponseToken(tokenId: Types.ObjectId, submissionId: string): Promise<void> {
  await ResponseTokenModel.updateOne({ _id: tokenId, submissionId }, { $set: { usedAt: null, submissionId: null, responseId: null } });
}
