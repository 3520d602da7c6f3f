import { randomInt } from 'node:crypto';
import { SHORT_LINK_CODE_LENGTH, type SurveyLink, type SurveyLinkQuery } from '@shared/channels/channel.schema';
import type { AppContext } from '../app-context';
import { Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { signedSurveyLink } from '../surveys/survey-link';
import { ShortLinkModel } from './short-link.model';
import { surveyLinkFor } from './survey-link';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh code from the crypto generator; randomInt is unbiased, unlike a byte taken modulo 62. */
export function newShortLinkCode(): string {
  return Array.from({ length: SHORT_LINK_CODE_LENGTH }, () => BASE62[randomInt(BASE62.length)]).join('');
}

/** Tries before giving up: each retry is either a lost race for the triple (read next time) or a code collision (1 in 2^59). */
const UPSERT_TRIES = 3;

/**
 * The code of a survey's short link with these tags, made on first request and the same ever after.
 * An upsert by the triple; two concurrent first requests race on its unique index, and the loser
 * (duplicate key) simply reads the winner's code on its next try.
 */
export async function shortLinkCodeFor(surveyId: string, tags: SurveyLinkQuery): Promise<string> {
  const triple = { surveyId, touchpoint: tags.touchpoint ?? null, channel: tags.channel ?? null };
  for (let attempt = 1; ; attempt += 1) {
    try {
      const doc = await ShortLinkModel.findOneAndUpdate(triple, { $setOnInsert: { code: newShortLinkCode() } }, { upsert: true, returnDocument: 'after' }).lean();
      return doc.code;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= UPSERT_TRIES) throw error;
    }
  }
}

/** A published survey's signed link with touchpoint and channel preset, and its short form. */
export async function surveyLinkWithShortUrl(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, surveyId: string, tags: SurveyLinkQuery): Promise<SurveyLink> {
  const link = await surveyLinkFor(ctx, surveyId, tags);
  const code = await shortLinkCodeFor(surveyId, tags);
  return { ...link, shortUrl: `${ctx.publicUrl.replace(/\/+$/, '')}/q/${code}` };
}

/**
 * Where a short link leads now: the survey's signed link, signed afresh. Null for an unknown
 * code, for a survey since deleted, and for a touchpoint or channel since removed (the link would be
 * refused), so the caller answers 404 rather than an error about tags the customer never chose.
 */
export async function shortLinkTarget(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, code: string): Promise<string | null> {
  const found = await ShortLinkModel.findOne({ code }).lean();
  if (!found) return null;
  try {
    const link = await signedSurveyLink(ctx, { surveyId: found.surveyId.toString(), touchpoint: found.touchpoint, channel: found.channel });
    return link.url;
  } catch (error) {
    if (error instanceof NotFound || error instanceof Invalid) return null;
    throw error;
  }
}
