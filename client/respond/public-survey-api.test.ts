import { describe, expect, it } from 'vitest';
import { confirmPublicSurvey, embeddedSurvey, loadPublicSurvey, looksLikePublicSurvey, slugFromPath } from './public-survey-api';

describe('slugFromPath', () => {
  it('reads the slug of /s/:slug, with or without a trailing slash', () => {
    expect(slugFromPath('/s/after-sales')).toBe('after-sales');
    expect(slugFromPath('/s/after-sales/')).toBe('after-sales');
  });

  it('returns null for anything else', () => {
    expect(slugFromPath('/s/')).toBeNull();
    expect(slugFromPath('/respond.html')).toBeNull();
    expect(slugFromPath('/s/a/b')).toBeNull();
  });
});

describe('loadPublicSurvey', () => {
  const reply = (status: number, body?: unknown) => async (url: string) => {
    requested.push(url);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  let requested: string[] = [];

  it('returns the validated survey and encodes the slug', async () => {
    requested = [];
    const survey = { slug: 'a b', version: 2, definition: { pages: [] } };
    await expect(loadPublicSurvey('a b', reply(200, survey))).resolves.toEqual({ kind: 'found', survey });
    expect(requested).toEqual(['/api/public/surveys/a%20b']);
  });

  it('reports 404 as not found', async () => {
    await expect(loadPublicSurvey('gone', reply(404, { type: 'about:blank', title: 'Not Found', status: 404 }))).resolves.toEqual({
      kind: 'not-found',
    });
  });

  it('reports server errors, network errors and malformed replies as failures', async () => {
    await expect(loadPublicSurvey('x', reply(500))).resolves.toMatchObject({ kind: 'failed' });
    await expect(loadPublicSurvey('x', () => Promise.reject(new TypeError('offline')))).resolves.toMatchObject({ kind: 'failed' });
    await expect(loadPublicSurvey('x', reply(200, { slug: 'x', definition: {} }))).resolves.toMatchObject({ kind: 'failed' });
    await expect(loadPublicSurvey('x', reply(200, { slug: 'y', version: 1, definition: {} }))).resolves.toMatchObject({ kind: 'failed' });
    await expect(loadPublicSurvey('x', reply(200, { slug: 'x', version: 1, definition: { pages: {} } }))).resolves.toMatchObject({ kind: 'failed' });
  });
});

describe('looksLikePublicSurvey', () => {
  const survey = { slug: 's', version: 1, definition: { pages: [{ elements: [] }] } };

  it('accepts what SurveyJS can render: pages or elements as lists of objects, or neither', () => {
    expect(looksLikePublicSurvey(survey, 's')).toBe(true);
    expect(looksLikePublicSurvey({ ...survey, definition: { elements: [{ type: 'text', name: 'q' }] } }, 's')).toBe(true);
    expect(looksLikePublicSurvey({ ...survey, definition: {} }, 's')).toBe(true);
  });

  it('refuses another slug, a missing or odd version, and a definition SurveyJS cannot read', () => {
    expect(looksLikePublicSurvey(survey, 't')).toBe(false);
    for (const version of [undefined, 0, 1.5, '1']) expect(looksLikePublicSurvey({ ...survey, version }, 's')).toBe(false);
    for (const definition of [undefined, null, [], 'x', { pages: 'p' }, { pages: [null] }, { elements: [1] }]) {
      expect(looksLikePublicSurvey({ ...survey, definition }, 's')).toBe(false);
    }
    expect(looksLikePublicSurvey(null, 's')).toBe(false);
    expect(looksLikePublicSurvey([survey], 's')).toBe(false);
  });
});

describe('confirmPublicSurvey', () => {
  it('passes a survey the shared schema accepts', async () => {
    const survey = { slug: 's', version: 1, definition: { pages: [{ name: 'p', elements: [{ type: 'rating', name: 'q', metric: 'csat' }] }] } };
    expect(looksLikePublicSurvey(survey, 's')).toBe(true);
    await expect(confirmPublicSurvey(survey)).resolves.toBeNull();
  });

  it('says why a survey that looked fine fails the shared schema', async () => {
    // Both pass the quick look; the schema refuses the legacy `questions` key and an unknown metric.
    const legacy = { slug: 's', version: 1, definition: { questions: [{ type: 'text', name: 'q' }] } };
    const unknownMetric = { slug: 's', version: 1, definition: { pages: [{ elements: [{ type: 'rating', name: 'q', metric: 'happiness' }] }] } };
    expect(looksLikePublicSurvey(legacy, 's') && looksLikePublicSurvey(unknownMetric, 's')).toBe(true);
    await expect(confirmPublicSurvey(legacy)).resolves.toContain('definition.questions');
    await expect(confirmPublicSurvey(unknownMetric)).resolves.toContain('definition.pages.0.elements.0.metric');
  });
});

describe('embeddedSurvey', () => {
  const survey = { slug: 'visit', version: 2, definition: { pages: [{ name: 'p', elements: [{ type: 'comment', name: 'c' }] }] } };

  it('uses the survey the server embedded for this slug', () => {
    expect(embeddedSurvey(JSON.stringify(survey), 'visit')).toEqual(survey);
  });

  it('falls back (null) when the block is missing, broken, malformed or for another slug', () => {
    expect(embeddedSurvey(null, 'visit')).toBeNull();
    expect(embeddedSurvey('{not json', 'visit')).toBeNull();
    expect(embeddedSurvey(JSON.stringify({ ...survey, version: 0 }), 'visit')).toBeNull();
    expect(embeddedSurvey(JSON.stringify({ ...survey, definition: { pages: 'p' } }), 'visit')).toBeNull();
    expect(embeddedSurvey('"visit"', 'visit')).toBeNull();
    expect(embeddedSurvey(JSON.stringify(survey), 'other')).toBeNull();
  });
});
