import type { SignedSurveyLink } from '@shared/surveys/survey-link.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { AppContext } from '../app-context';
import { Invalid, NotFound } from '../lib/errors';
import { textMac, textMacMatches } from '../lib/signed-text';
import { isKnownChannel, isKnownTouchpoint } from './survey-cache';
import { SurveyModel } from './survey.model';

/**
 * Public survey links that carry a touchpoint and/or channel (`?tp=&ch=`) are signed (`&sig=`), so an
 * anonymous respondent cannot file answers (and the owner alerts they trigger) under a touchpoint of their
 * choosing. The MAC binds the survey's slug too: a signature copied onto another survey fails.
 */
export interface LinkTags {
  touchpoint?: string | null | undefined;
  channel?: string | null | undefined;
}

function keyOf(ctx: Pick<AppContext, 'auth'>): Buffer {
  return ctx.auth.derivedKey('survey-link-tags');
}

// Slugs and tags never contain '/', so the message is unambiguous.
function messageOf(slug: string, tags: LinkTags): string {
  return `survey-link/${slug}/${tags.touchpoint ?? ''}/${tags.channel ?? ''}`;
}

export function surveyLinkSignature(ctx: Pick<AppContext, 'auth'>, slug: string, tags: LinkTags): string {
  return textMac(keyOf(ctx), messageOf(slug, tags));
}

export function surveyLinkSignatureMatches(ctx: Pick<AppContext, 'auth'>, slug: string, tags: LinkTags, sig: string): boolean {
  return textMacMatches(keyOf(ctx), messageOf(slug, tags), sig);
}

export type SurveyLinkTarget = ({ surveyId: string; slug?: never } | { slug: string; surveyId?: never }) & LinkTags;

/**
 * A public link to a survey tagged with a touchpoint and/or channel and signed, for staff to print or
 * send (QR codes, kiosks, web embeds). Throws NotFound for an unknown survey, Invalid for a touchpoint
 * or channel that does not exist.
 */
export async function signedSurveyLink(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, target: SurveyLinkTarget): Promise<SignedSurveyLink> {
  const filter = target.surveyId !== undefined ? { _id: target.surveyId } : { slug: target.slug };
  const survey = await SurveyModel.findOne(filter, { slug: 1 }).lean();
  if (!survey) throw new NotFound('There is no such survey.');
  const touchpoint = target.touchpoint ?? null;
  const channel = target.channel ?? null;
  const invalid: InvalidParam[] = [];
  if (touchpoint !== null && !(await isKnownTouchpoint(touchpoint))) invalid.push({ name: 'body.touchpoint', reason: `there is no touchpoint "${touchpoint}"` });
  if (channel !== null && !(await isKnownChannel(channel))) invalid.push({ name: 'body.channel', reason: `there is no channel "${channel}"` });
  if (invalid.length > 0) throw new Invalid('A survey link can only name a touchpoint and channel that exist.', invalid);

  const sig = surveyLinkSignature(ctx, survey.slug, { touchpoint, channel });
  const query = new URLSearchParams();
  if (touchpoint !== null) query.set('tp', touchpoint);
  if (channel !== null) query.set('ch', channel);
  query.set('sig', sig);
  const url = `${ctx.publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(survey.slug)}?${query.toString()}`;
  return { url, slug: survey.slug, touchpoint, channel, sig };
}
