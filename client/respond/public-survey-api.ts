import { isPlainObject } from '@shared/survey-definition/plain-object';
import type { PublicSurvey } from '@shared/surveys/public-survey.schema';
import { matchPath } from '../lib/router';
import { loadChecks } from './load-checks';

export type { PublicSurvey };

/** The survey slug of a respondent URL (`/s/:slug`), or null when the path is not one. */
export function slugFromPath(pathname: string): string | null {
  return matchPath('/s/:slug', pathname)?.slug ?? null;
}

export type LoadResult =
  | { kind: 'found'; survey: PublicSurvey }
  | { kind: 'not-found' }
  | { kind: 'failed'; reason: string };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Enough of a look to render a survey without loading zod: the slug asked for, a version, a definition
 * SurveyJS can read. The shared schema has the last word once it is loaded (`confirmPublicSurvey`).
 */
export function looksLikePublicSurvey(value: unknown, slug: string): value is PublicSurvey {
  if (!isPlainObject(value) || value.slug !== slug) return false;
  const { version, definition } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || !isPlainObject(definition)) return false;
  const listed = (key: string) => definition[key] === undefined || (Array.isArray(definition[key]) && definition[key].every(isPlainObject));
  return listed('pages') && listed('elements');
}

/**
 * The survey the server embedded in the page for this slug (see server/surveys/respond-page.ts), or
 * null when there is none or it does not look right, in which case the page fetches it.
 */
export function embeddedSurvey(text: string | null | undefined, slug: string): PublicSurvey | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  return looksLikePublicSurvey(json, slug) ? json : null;
}

/**
 * Loads a published survey with a plain fetch rather than the staff API client, keeping the public
 * bundle small. A 404 (unknown or closed survey) is an expected outcome, not an error.
 */
export async function loadPublicSurvey(slug: string, fetchFn: FetchLike = (input, init) => fetch(input, init)): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetchFn(`/api/public/surveys/${encodeURIComponent(slug)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : 'network error' };
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}` };
  const json: unknown = await response.json().catch(() => undefined);
  return looksLikePublicSurvey(json, slug) ? { kind: 'found', survey: json } : { kind: 'failed', reason: 'unexpected reply' };
}

/**
 * Checks a survey already on screen with the shared schema, once the checks are loaded: null when it
 * passes, else why not. When the checks cannot be fetched the survey stays up (null): it came from our
 * own server, and the server checks the answers against the published version whatever happens here.
 */
export async function confirmPublicSurvey(survey: unknown): Promise<string | null> {
  const checks = await loadChecks();
  const parsed = checks?.publicSurveySchema.safeParse(survey);
  return !parsed || parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}
