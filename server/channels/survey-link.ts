import type { SurveyLink, SurveyLinkQuery } from '@shared/channels/channel.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { AppContext } from '../app-context';
import { Conflict, Invalid } from '../lib/errors';
import { isKnownChannel, isKnownTouchpoint } from '../surveys/survey-cache';
import { getSurvey } from '../surveys/survey.service';

/**
 * The one place a tagged respondent link is written (QR codes, printable cards, kiosk links), so the
 * signed form of `tp`/`ch` (issue #16 alerts work: `signedSurveyLink`) replaces this body alone.
 */
export function buildSurveyLink(ctx: Pick<AppContext, 'publicUrl'>, slug: string, tags: SurveyLinkQuery): string {
  const url = new URL(`${ctx.publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(slug)}`);
  if (tags.touchpoint) url.searchParams.set('tp', tags.touchpoint);
  if (tags.channel) url.searchParams.set('ch', tags.channel);
  return url.toString();
}

/** Refuses tags naming no touchpoint or channel, so no printed card carries a tag every answer would drop. */
export async function checkLinkTags(tags: SurveyLinkQuery, where: string): Promise<void> {
  const invalid: InvalidParam[] = [];
  if (tags.touchpoint !== undefined && !(await isKnownTouchpoint(tags.touchpoint))) {
    invalid.push({ name: `${where}.touchpoint`, reason: `there is no touchpoint "${tags.touchpoint}"` });
  }
  if (tags.channel !== undefined && !(await isKnownChannel(tags.channel))) {
    invalid.push({ name: `${where}.channel`, reason: `there is no channel "${tags.channel}"` });
  }
  if (invalid.length > 0) throw new Invalid('The link names an unknown touchpoint or channel.', invalid);
}

/** The tagged link of a published, open survey; 409 for a draft or archived one (no customer could answer). */
export async function surveyLinkFor(ctx: Pick<AppContext, 'publicUrl'>, surveyId: string, tags: SurveyLinkQuery): Promise<SurveyLink> {
  const survey = await getSurvey(surveyId);
  if (survey.status !== 'published' || survey.versions.length === 0) {
    throw new Conflict('Only a published survey has a link customers can answer; publish it first.', 'survey-not-published');
  }
  await checkLinkTags(tags, 'query');
  return {
    url: buildSurveyLink(ctx, survey.slug, tags),
    slug: survey.slug,
    title: survey.title,
    touchpoint: tags.touchpoint ?? null,
    channel: tags.channel ?? null,
  };
}
