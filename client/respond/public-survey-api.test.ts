import { describe, expect, it } from 'vitest';
import { loadPublicSurvey, slugFromPath } from './public-survey-api';

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
