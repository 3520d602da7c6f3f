import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).MONGODB_URI).toBeUndefined();
  });

  it('names each bad variable', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://localhost:6379', SESSION_SECRET: 'short' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['PORT', 'REDIS_URL', 'SESSION_SECRET']);
    expect(problems.find((p) => p.variable === 'REDIS_URL')?.message).toMatch(/redis:\/\//);
  });

  it('digests owner alerts every 15 minutes unless told otherwise, and refuses windows under a second or over a day', () => {
    expect(loadConfig({}).FOLLOW_UP_DIGEST_MS).toBe(900_000);
    expect(loadConfig({ FOLLOW_UP_DIGEST_MS: '60000' }).FOLLOW_UP_DIGEST_MS).toBe(60_000);
    for (const bad of ['0', '999', '86400001', 'soon', '1.5']) {
      expect(problemsOf({ FOLLOW_UP_DIGEST_MS: bad }).map((p) => p.variable)).toEqual(['FOLLOW_UP_DIGEST_MS']);
    }
  });

  it('rejects a port out of range and a bad log level', () => {
    expect(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud' }).map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('requires real services and a secret in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.example:27017/tp' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['PUBLIC_URL', 'REDIS_URL', 'SESSION_SECRET', 'SMTP_URL']);
  });

  const production = {
    NODE_ENV: 'production',
    MONGODB_URI: 'mongodb://db.example:27017/tp',
    REDIS_URL: 'redis://cache.example:6379',
    SMTP_URL: 'smtp://mail.example:587',
    SESSION_SECRET: 'a-production-secret-of-enough-length-0123456789',
    PUBLIC_URL: 'https://feedback.example',
  };

  it('accepts an https PUBLIC_URL in production', () => {
    expect(loadConfig(production).PUBLIC_URL).toBe('https://feedback.example');
  });

  it('refuses an http PUBLIC_URL and an ignoreTLS SMTP_URL in production (security)', () => {
    expect(problemsOf({ ...production, PUBLIC_URL: 'http://feedback.example' })).toEqual([{ variable: 'PUBLIC_URL', message: expect.stringMatching(/https/) }]);
    expect(problemsOf({ ...production, SMTP_URL: 'smtp://mail.example:25?ignoreTLS=true' })).toEqual([{ variable: 'SMTP_URL', message: expect.stringMatching(/STARTTLS/) }]);
    expect(loadConfig({ ...production, NODE_ENV: 'development', PUBLIC_URL: 'http://localhost:3000' }).PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('message lists the variables', () => {
    expect(() => loadConfig({ HOST: '', PORT: '-1' })).toThrow(/PORT: /);
  });
});
