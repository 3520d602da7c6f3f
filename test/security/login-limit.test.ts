import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestPlatform, type TestPlatform } from '../harness/platform';

// Issue 13, medium: parallel guesses all passed the limit check before any failure was counted; the
// only account limit was per address, and each IPv6 address of a /64 counted on its own.
const LIMIT = 10;
let tp: TestPlatform;

beforeAll(async () => {
  // One proxy hop trusted, so X-Forwarded-For stands in for many client addresses.
  tp = await startTestPlatform({ LOGIN_MAX_ATTEMPTS: String(LIMIT), TRUST_PROXY: '1' });
});
afterAll(async () => {
  await tp?.stop();
});

const guess = (email: string, from: string) =>
  tp.request('/api/auth/login', { body: { email, password: 'wrong password' }, headers: { 'x-forwarded-for': from } }).then((reply) => reply.status);

const tally = (statuses: number[]) => ({ 401: statuses.filter((s) => s === 401).length, 429: statuses.filter((s) => s === 429).length });

describe('login limit', () => {
  it('gives at most the limit of 401s to 40 parallel wrong passwords, 429 to the rest', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => guess('victim-parallel@example.test', '198.51.100.1')));
    const counts = tally(statuses);
    expect(counts[401]).toBeGreaterThan(0);
    expect(counts[401]).toBeLessThanOrEqual(LIMIT);
    expect(counts[401] + counts[429]).toBe(40);
  });

  it('limits one account guessed from many addresses', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => guess('victim-spread@example.test', `203.0.113.${i + 1}`)));
    const counts = tally(statuses);
    expect(counts[401]).toBeLessThanOrEqual(LIMIT * 3);
    expect(counts[429]).toBeGreaterThanOrEqual(40 - LIMIT * 3);
  });

  it('keys IPv6 clients by /64', async () => {
    const statuses = await Promise.all(Array.from({ length: 15 }, (_, i) => guess('victim-v6@example.test', `2001:db8:5:6::${(i + 1).toString(16)}`)));
    const counts = tally(statuses);
    expect(counts[401]).toBeLessThanOrEqual(LIMIT);
    expect(counts[429]).toBeGreaterThanOrEqual(5);
  });

  it('does not count successful sign-ins against anyone', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const reply = await tp.request('/api/auth/login', { body: ADMIN, headers: { 'x-forwarded-for': '192.0.2.9' } });
      expect(reply.status, reply.text).toBe(200);
    }
  });
});
