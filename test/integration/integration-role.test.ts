import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { UserModel } from '../../server/auth/user.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { integrationToken, publishSurvey } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let token: string;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  token = await integrationToken(tp, admin, 'sms@example.test');
}, 60_000);

afterAll(async () => {
  await tp?.stop();
});

interface Layer {
  rawPath?: unknown;
  route?: { path: string | string[]; methods: Record<string, boolean> };
  /** A router, or an Express app mounted as one (the queue board's), holding its own stack. */
  handle?: { stack?: Layer[]; router?: { stack?: Layer[] } };
}

/** Every method and path the app routes, read from Express's router stack (nested routers with their mount paths). */
function routesOf(stack: Layer[], prefix = ''): { method: string; path: string }[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const full = (path: string) => (prefix + path).replace(/(.)\/$/, '$1');
      return Object.keys(layer.route.methods).flatMap((method) => paths.map((path) => ({ method: method.toUpperCase(), path: full(path) })));
    }
    const nested = layer.handle?.stack ?? layer.handle?.router?.stack;
    if (nested && typeof layer.rawPath === 'string') return routesOf(nested, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
    return [];
  });
}

const PUBLIC = /^\/api\/(health|public|auth\/login|openapi\.json)(\/|$)/;
/** What an integration token may do: submit responses and read surveys. */
const ALLOWED = new Set([
  'POST /api/responses',
  'POST /api/responses/import',
  'GET /api/surveys',
  'GET /api/surveys/templates',
  'GET /api/surveys/:id',
  'GET /api/surveys/:id/versions/:n',
]);

/** A concrete URL for a route pattern: ids as valid ObjectIds, numbers as 1, anything else as a word. */
function concrete(path: string): string {
  return path
    .replace(/[{}]/g, '')
    .replace(/:(\w+)/g, (_match, name: string) => (/^(n|version)$/.test(name) ? '1' : /id$/i.test(name) ? '0123456789abcdef01234567' : 'x'))
    .replace(/\*\w*/g, 'x');
}

describe('the integration role', () => {
  it('is refused (403) on every staff route but submitting responses and reading surveys', { timeout: 120_000 }, async () => {
    const app = createApp(tp.platform.context) as unknown as { router: { stack: Layer[] } };
    const routes = routesOf(app.router.stack).filter(({ path }) => /^\/(api|ops)\//.test(path) && !PUBLIC.test(path));
    const staffRoutes = routes.filter(({ method, path }) => !ALLOWED.has(`${method} ${path}`));
    // Every feature's router is in the walk, so a route added anywhere is checked without being listed.
    const areas = new Set(staffRoutes.map(({ path }) => path.split('/')[2]));
    for (const area of ['auth', 'users', 'touchpoints', 'settings', 'surveys', 'distributions', 'email-templates', 'metrics', 'contacts', 'responses', 'queues']) {
      expect(areas, area).toContain(area);
    }
    expect(staffRoutes.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const { method, path } of staffRoutes) {
      const reply = await tp.request(concrete(path), { method, token, ...(method === 'GET' || method === 'HEAD' ? {} : { body: {} }), csrf: false });
      answers.push(`${reply.status} ${method} ${path}`);
    }
    expect(answers.filter((answer) => !answer.startsWith('403 '))).toEqual([]);
  });

  it('reads surveys', async () => {
    expect((await tp.request('/api/surveys', { token })).status).toBe(200);
    expect((await tp.request(`/api/surveys/${survey.id}`, { token })).status).toBe(200);
    expect((await tp.request(`/api/surveys/${survey.id}/versions/${survey.version}`, { token })).status).toBe(200);
  });

  it('cannot sign in, and a session left from another role is refused even where its tokens pass', async () => {
    const login = await tp.request('/api/auth/login', { body: { email: 'sms@example.test', password: 'long-enough-password' } });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    const created = await tp.request('/api/users', { cookie: admin, body: { email: 'was-analyst@example.test', name: 'W', role: 'analyst', password: 'long-enough-password' } });
    expect(created.status).toBe(201);
    const cookie = await tp.login('was-analyst@example.test', 'long-enough-password');
    expect((await tp.request('/api/surveys', { cookie })).status).toBe(200);
    await UserModel.updateOne({ email: 'was-analyst@example.test' }, { $set: { role: 'integration' } });
    expect((await tp.request('/api/surveys', { cookie })).status).toBe(403);
    expect((await tp.request('/api/metrics/touchpoints', { cookie })).status).toBe(403);
  });
});
