import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpJob } from '../../server/follow-up/follow-up.job';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { waitUntil } from './follow-up-fixtures';

let tp: TestPlatform;
let admin: string;
const cookies: Record<'designer' | 'analyst', string> = { designer: '', analyst: '' };

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  for (const role of ['designer', 'analyst'] as const) {
    const user = { email: `${role}@example.test`, name: role, role, password: `${role}-password-1` };
    expect((await tp.request('/api/users', { cookie: admin, body: user })).status).toBe(201);
    cookies[role] = await tp.login(user.email, user.password);
  }
});
afterAll(async () => {
  await tp?.stop();
});

/** A request from the board's own page: the browser marks it same-origin. */
const fromBoard = (path: string, method = 'GET') =>
  tp.request(path, { cookie: admin, method, csrf: false, headers: { 'sec-fetch-site': 'same-origin' } });

describe('queue board', () => {
  it('shows admins every queue the platform declares', async () => {
    const page = await fromBoard('/ops/queues');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Touchpoint queues');
    const queues = await fromBoard('/ops/queues/api/queues');
    expect(queues.status).toBe(200);
    const names = (queues.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['scores-fold', 'follow-up', 'distribution-send']));
  });

  it('refuses anonymous requests, designers and analysts', async () => {
    for (const path of ['/ops/queues', '/ops/queues/api/queues']) {
      const anonymous = await tp.request(path, { csrf: false });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
      for (const cookie of Object.values(cookies)) expect((await tp.request(path, { cookie })).status).toBe(403);
    }
  });

  it('retries and cleans a failed job for an admin on the board page, and refuses the same requests from another site', async () => {
    const queue = tp.platform.context.queues.queue(followUpJob);
    // A payload the worker refuses without retrying: the job ends failed.
    await queue.add('follow-up', { responseId: 'not-an-id' }, { jobId: 'board-bad-payload' });
    await waitUntil(() => queue.getFailedCount(), (count) => count === 1, 10_000);

    const crossSite = await tp.request('/ops/queues/api/queues/follow-up/board-bad-payload/clean', {
      cookie: admin,
      method: 'PUT',
      csrf: false,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' },
    });
    expect(crossSite.status).toBe(403);
    const noHeaders = await tp.request('/ops/queues/api/queues/follow-up/board-bad-payload/retry', { cookie: admin, method: 'PUT', csrf: false });
    expect(noHeaders.status).toBe(403);
    expect(await queue.getFailedCount()).toBe(1);

    expect((await queue.getJob('board-bad-payload'))?.attemptsStarted).toBe(1);

    const retried = await fromBoard('/ops/queues/api/queues/follow-up/board-bad-payload/retry', 'PUT');
    expect(retried.status).toBeLessThan(300);
    // It runs once more and fails again, for the same reason.
    await waitUntil(async () => (await queue.getJob('board-bad-payload'))?.attemptsStarted, (n) => n === 2, 10_000);
    await waitUntil(() => queue.getFailedCount(), (count) => count === 1, 10_000);

    const cleaned = await fromBoard('/ops/queues/api/queues/follow-up/board-bad-payload/clean', 'PUT');
    expect(cleaned.status).toBeLessThan(300);
    expect(await queue.getFailedCount()).toBe(0);
    expect(await queue.getJob('board-bad-payload')).toBeUndefined();
  });
});
