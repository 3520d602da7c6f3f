import { describe, expect, it } from 'vitest';
import { loginPathFor, matchPath, normalizePath, safeNextPath } from './router';

describe('normalizePath', () => {
  it('drops trailing and repeated slashes but keeps the root', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/surveys/')).toBe('/surveys');
    expect(normalizePath('//surveys//abc/')).toBe('/surveys/abc');
  });
});

describe('matchPath', () => {
  it('matches static paths, tolerating a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/surveys', '/surveys')).toEqual({});
    expect(matchPath('/surveys', '/surveys/')).toEqual({});
  });

  it('rejects other paths, prefixes and case differences', () => {
    expect(matchPath('/surveys', '/')).toBeNull();
    expect(matchPath('/surveys', '/surveys/new')).toBeNull();
    expect(matchPath('/surveys', '/survey')).toBeNull();
    expect(matchPath('/surveys', '/Surveys')).toBeNull();
    expect(matchPath('/', '/login')).toBeNull();
  });

  it('extracts and decodes params', () => {
    expect(matchPath('/s/:slug', '/s/after-sales')).toEqual({ slug: 'after-sales' });
    expect(matchPath('/s/:slug', '/s/caf%C3%A9')).toEqual({ slug: 'café' });
    expect(matchPath('/surveys/:id/versions/:version', '/surveys/42/versions/3')).toEqual({ id: '42', version: '3' });
  });

  it('does not let a param swallow several segments or match an empty one', () => {
    expect(matchPath('/s/:slug', '/s/a/b')).toBeNull();
    expect(matchPath('/s/:slug', '/s/')).toBeNull();
    expect(matchPath('/s/:slug', '/s')).toBeNull();
  });

  it('rejects malformed percent-encoding instead of throwing', () => {
    expect(matchPath('/s/:slug', '/s/%E0%A4%A')).toBeNull();
  });
});

describe('safeNextPath', () => {
  it('keeps same-origin paths', () => {
    expect(safeNextPath('/surveys?tab=draft')).toBe('/surveys?tab=draft');
  });

  it.each([null, '', 'surveys', '//evil.example', '/\\evil.example', 'https://evil.example/', '/\t/evil.example'])(
    'falls back for %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});

describe('loginPathFor', () => {
  it('remembers where the user was, except for home and the login page itself', () => {
    expect(loginPathFor('/dashboard')).toBe('/login?next=%2Fdashboard');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('/login?next=%2Fx')).toBe('/login');
  });
});
