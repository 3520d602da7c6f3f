import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { loadConfig } from '../../server/config';
import { startPlatform, type Platform } from '../../server/platform';
import { startTestMailbox, type TestMailbox } from './smtp';

export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

export interface TestPlatform {
  url: string;
  platform: Platform;
  mailbox: TestMailbox;
  dataDir: string;
  request(path: string, init?: RequestOptions): Promise<TestResponse>;
  /** Signs in and returns the session cookie. */
  login(email?: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Raw body text, sent as-is with the content type given. */
  rawBody?: string;
  contentType?: string;
  cookie?: string;
  token?: string;
  csrf?: boolean;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A fresh id for one test file's database (`test_<id>`), queue prefix (`t<id>`) and data directory. */
export const newTestId = (): string => randomBytes(5).toString('hex');

/**
 * The environment of one test file's platform on the shared Redis and store: its own database and
 * queue prefix (from `id`), data directory and SMTP server; silent logs. Server and worker processes
 * spawned for the same file take the same variables.
 */
export function testPlatformEnv(id: string, dataDir: string, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    MONGODB_URI: `${inject('mongoBaseUri')}/test_${id}`,
    REDIS_URL: inject('redisUrl'),
    SMTP_URL: smtpUrl,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    QUEUE_PREFIX: `t${id}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
  };
}

/**
 * Boots the whole platform (API and workers) for one test file against the shared Redis and store,
 * with its own database, queue prefix, mailbox and data directory.
 */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const id = newTestId();
  const mailbox = await startTestMailbox();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  const config = loadConfig({ ...testPlatformEnv(id, dataDir, mailbox.url), PORT: '0', HOST: '127.0.0.1', ...env });
  const platform = await startPlatform(config, { api: true, workers: true });
  const { request, login } = httpClient(platform.url!);

  return {
    url: platform.url!,
    platform,
    mailbox,
    dataDir,
    request,
    login,
    async stop() {
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await platform.stop();
      await mailbox.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON requests to a running API at `url` (CSRF header unless `csrf: false`), and sign-in returning the session cookie. */
export function httpClient(url: string): Pick<TestPlatform, 'request' | 'login'> {
  const request = async (pathname: string, init: RequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.csrf !== false) headers[CSRF_HEADER] = '1';
    let body: string | undefined;
    if (init.rawBody !== undefined) {
      body = init.rawBody;
      headers['content-type'] = init.contentType ?? 'application/json';
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(url + pathname, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  const login = async (email = ADMIN.email, password = ADMIN.password) => {
    const response = await request('/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return cookie;
  };

  return { request, login };
}
