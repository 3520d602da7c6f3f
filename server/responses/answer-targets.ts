import type { SurveyDefinition } from '@shared/survey/definition.schema';
import { getChannels } from '../settings/settings.service';
import { SurveyModel, SurveyVersionModel } from '../surveys/survey.model';
import { touchpointExists } from '../touchpoints/touchpoint.service';
import { TtlCache } from './ttl-cache';

/**
 * What a submission is checked against, cached per process because every response needs it:
 * - the survey behind a slug for a few seconds (closing a survey takes effect within that time);
 * - published versions for good, since they are immutable;
 * - touchpoints and channels that exist; an unknown one is looked up again, so a new one works at once.
 */
const SLUG_TTL_MS = 5_000;
const KNOWN_TTL_MS = 30_000;

export interface OpenSurvey {
  surveyId: string;
  latestVersion: number;
}

const openSurveys = new TtlCache<OpenSurvey | null>(SLUG_TTL_MS, 5_000);
const versions = new TtlCache<SurveyDefinition | null>(Number.POSITIVE_INFINITY, 500);
const touchpoints = new TtlCache<boolean>(KNOWN_TTL_MS, 5_000);
const channels = new TtlCache<readonly string[]>(KNOWN_TTL_MS, 1);

/** The published survey behind a public slug, or null when it is unknown, a draft or archived. */
export function findOpenSurvey(slug: string): Promise<OpenSurvey | null> {
  return openSurveys.get(slug, async () => {
    const doc = await SurveyModel.findOne({ slug }, { status: 1, latestVersion: 1 }).lean();
    if (!doc || doc.status !== 'published' || !doc.latestVersion) return null;
    return { surveyId: doc._id.toString(), latestVersion: doc.latestVersion };
  });
}

/** The definition of one published version, or null when the survey has no such version. */
export function findPublishedDefinition(surveyId: string, version: number): Promise<SurveyDefinition | null> {
  return versions.get(`${surveyId}/${version}`, async () => {
    const doc = await SurveyVersionModel.findOne({ surveyId, version }, { definition: 1 }).lean();
    return doc ? (doc.definition as SurveyDefinition) : null;
  });
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
