import { publicSurveySchema, type PublicSurvey } from '@shared/surveys/public-survey.schema';
import { matchPath } from '../lib/router';

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
 * The survey the server embedded in the page for this slug (see server/surveys/respond-page.ts), or
 * null when there is none or it does not parse, in which case the page fetches it.
 */
export function embeddedSurvey(text: string | null | undefined, slug: string): PublicSurvey | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = publicSurveySchema.safeParse(json);
  return parsed.success && parsed.data.slug === slug ? parsed.data : null;
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
  const parsed = publicSurveySchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { kind: 'failed', reason: 'unexpected reply' };
  return { kind: 'found', survey: parsed.data };
}
