import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { getChannels } from '../settings/settings.service';
import { findOpenSurvey, findPublishedDefinition, type OpenSurvey } from './survey.service';
import { touchpointExists } from '../touchpoints/touchpoint.service';
import { TtlCache } from '../lib/ttl-cache';

/**
 * Surveys and what a submission names (touchpoints, channels), cached per process because every response
 * and every respondent page needs them:
 * - the survey behind a slug for a few seconds (closing a survey takes effect within that time);
 * - published versions for good, since they are immutable;
 * - touchpoints and channels that exist; an unknown one is looked up again, so a new one works at once.
 */
const SLUG_TTL_MS = 5_000;
const KNOWN_TTL_MS = 30_000;

const openSurveys = new TtlCache<OpenSurvey | null>(SLUG_TTL_MS, 5_000);
const versions = new TtlCache<SurveyDefinition | null>(Number.POSITIVE_INFINITY, 500);
const touchpoints = new TtlCache<boolean>(KNOWN_TTL_MS, 5_000);
const channels = new TtlCache<readonly string[]>(KNOWN_TTL_MS, 1);

/** `findOpenSurvey` by slug, cached for a few seconds. */
export function cachedOpenSurvey(slug: string): Promise<OpenSurvey | null> {
  return openSurveys.get(slug, () => findOpenSurvey({ slug }));
}

/** `findOpenSurvey` by id, cached as by slug (`id:` keys cannot clash with slugs, which have no colon). */
export function cachedOpenSurveyById(id: string): Promise<OpenSurvey | null> {
  return openSurveys.get(`id:${id}`, () => findOpenSurvey({ id }));
}

/** `findPublishedDefinition`, cached for good; one object per version also keeps the compiled answer validator warm. */
export function cachedPublishedDefinition(surveyId: string, version: number): Promise<SurveyDefinition | null> {
  return versions.get(`${surveyId}/${version}`, () => findPublishedDefinition(surveyId, version));
}

export async function isKnownTouchpoint(key: string): Promise<boolean> {
  if (await touchpoints.get(key, () => touchpointExists(key))) return true;
  touchpoints.delete(key);
  return false;
}

export async function isKnownChannel(channel: string): Promise<boolean> {
  if ((await channels.get('all', getChannels)).includes(channel)) return true;
  channels.clear();
  return (await channels.get('all', getChannels)).includes(channel);
}
