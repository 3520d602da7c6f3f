import { describe, expect, it } from 'vitest';
import { embeddedSurvey, loadPublicSurvey, slugFromPath } from './public-survey-api';

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
    // The definition is checked with the shared schema, e.g. no legacy `questions` key.
    const legacy = { slug: 'x', version: 1, definition: { questions: [{ type: 'text', name: 'q' }] } };
    await expect(loadPublicSurvey('x', reply(200, legacy))).resolves.toMatchObject({ kind: 'failed' });
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
    expect(embeddedSurvey(JSON.stringify(survey), 'other')).toBeNull();
  });
});
