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

/**
 * Boots the whole platform (API and workers) for one test file against the shared Redis and store,
 * with its own database, queue prefix, mailbox and data directory.
 */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const id = randomBytes(5).toString('hex');
  const mailbox = await startTestMailbox();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MONGODB_URI: `${inject('mongoBaseUri')}/test_${id}`,
    REDIS_URL: inject('redisUrl'),
    SMTP_URL: mailbox.url,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    QUEUE_PREFIX: `t${id}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const platform = await startPlatform(config, { api: true, workers: true });
  const url = platform.url!;

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

  return {
    url,
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
