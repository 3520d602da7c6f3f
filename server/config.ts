import path from 'node:path';
import { UI_LOCALES } from '@shared/survey-definition/survey-locale';
import { z } from 'zod';
import { parsePrivateAllowance } from './webhooks/webhook-address';

/** Environment variables are text; an empty string counts as unset. */
const port = (fallback: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().int().min(0).max(65535));
const positiveInt = (fallback: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().int().min(1).max(max));
const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? String(fallback) : v),
    z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );
const urlWithScheme = (schemes: string[]) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol.replace(/:$/, '')), {
        message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
      })
      .optional(),
  );

const envSchema = z.object({
  NODE_ENV: z.preprocess((v) => v || 'development', z.enum(['development', 'test', 'production'])),
  PORT: port(3000),
  HOST: z.preprocess((v) => v || '127.0.0.1', z.string().min(1)),
  DATA_DIR: z.preprocess((v) => v || './data', z.string().min(1)),
  PUBLIC_URL: urlWithScheme(['http', 'https']),
  MONGODB_URI: urlWithScheme(['mongodb', 'mongodb+srv']),
  REDIS_URL: urlWithScheme(['redis', 'rediss']),
  SMTP_URL: urlWithScheme(['smtp', 'smtps']),
  MAIL_FROM: z.preprocess((v) => v || 'Touchpoint <no-reply@touchpoint.local>', z.string().min(3)),
  SESSION_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  SESSION_TTL_MINUTES: positiveInt(12 * 60, 60 * 24 * 30),
  /** Longest lifetime of a personal API token, in days; the default for a token that names none. */
  API_TOKEN_MAX_DAYS: positiveInt(90, 3650),
  ADMIN_EMAIL: z.preprocess((v) => v || 'admin@touchpoint.local', z.email()),
  ADMIN_PASSWORD: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(10, 'must be at least 10 characters').optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => v || 'info',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ),
  QUEUE_PREFIX: z.preprocess((v) => v || 'tp', z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')),
  TRUST_PROXY: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(10)),
  JSON_BODY_LIMIT: z.preprocess((v) => v || '100kb', z.string().regex(/^\d+(kb|mb)$/, 'like 100kb or 1mb')),
  LOGIN_MAX_ATTEMPTS: positiveInt(10, 10_000),
  /** Survey submissions per client address per minute; generous for shared (NAT, office, kiosk) addresses. */
  RESPOND_RATE_PER_IP: positiveInt(60, 1_000_000),
  /** Survey submissions per survey per minute across all clients. */
  RESPOND_RATE_PER_SURVEY: positiveInt(6000, 100_000_000),
  /** Responses filled in faster than this are stored flagged `too-fast` (bot suspicion), not dropped. */
  RESPOND_MIN_FILL_MS: z.preprocess((v) => (v === '' || v === undefined ? 2000 : v), z.coerce.number().int().min(0).max(600_000)),
  WORKERS: flag(true),
  /** Language of the emails staff receive (touchpoint owners' low-score alerts). */
  STAFF_MAIL_LOCALE: z.preprocess((v) => v || 'en', z.enum(UI_LOCALES)),
  /** How often matched low-score follow-ups whose alerts did not run (lost enqueue, SMTP down) are re-queued. */
  FOLLOW_UP_SWEEP_MS: positiveInt(60_000, 24 * 3600 * 1000),
  /**
   * Touchpoint owners get at most one low-score email per touchpoint per this long, listing the responses
   * matched in it (a flood of anonymous low scores cannot flood their inboxes). At least a second.
   */
  FOLLOW_UP_DIGEST_MS: z.preprocess((v) => (v === '' || v === undefined ? 900_000 : v), z.coerce.number().int().min(1000).max(24 * 3600 * 1000)),
  CASE_TIMER_SWEEP_MS: positiveInt(60_000, 24 * 3600 * 1000),
  /** How long the signed link in a customer's case email works (reading, replying, answering "was this resolved?"). */
  CASE_LINK_TTL_DAYS: positiveInt(30, 3650),
  /** Requests to case links per client address per minute (reading, replies and resolution answers together). */
  CASE_LINK_RATE_PER_IP: positiveInt(30, 1_000_000),
  /** Days after which a resolved case the customer did not reopen closes by itself (checked every CASE_TIMER_SWEEP_MS); 0 = never. */
  CASE_AUTO_CLOSE_DAYS: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(365)),
  /** Emails per MAIL_RATE_DURATION_MS across all workers (BullMQ limiter on the send queue); set to your provider's quota. */
  MAIL_RATE_MAX: positiveInt(1000, 1_000_000),
  MAIL_RATE_DURATION_MS: positiveInt(1000, 24 * 3600 * 1000),
  /** Invitation and reminder emails one worker process has in flight at once; they share its pooled SMTP transport (5 connections). 100 was fastest in `npm run bench:email`. */
  MAIL_CONCURRENCY: positiveInt(100, 1000),
  /** Recipients per send job (one job reads, claims and records its batch together); capped by MAIL_RATE_MAX. */
  MAIL_BATCH_SIZE: positiveInt(50, 500),
  /**
   * How long one send attempt holds its send-log entry. A worker that dies mid-send leaves the entry
   * claimed; it is sent again once this runs out, so keep it above any SMTP timeout.
   */
  SEND_LEASE_MS: z.preprocess((v) => (v === '' || v === undefined ? 120_000 : v), z.coerce.number().int().min(1000).max(24 * 3600 * 1000)),
  /**
   * How long a bulk send's send-log writes wait to share one round trip (0: each batch as soon as the
   * previous one returns). A worker killed hard may resend the emails accepted within about this long before.
   */
  SEND_LOG_LINGER_MS: z.preprocess((v) => (v === '' || v === undefined ? 20 : v), z.coerce.number().int().min(0).max(1000)),
  /**
   * How long a worker's hold on a running job lasts before it must renew it (BullMQ lockDuration), and
   * how often each worker looks for jobs whose holder died (stalledInterval). A job of a killed worker
   * runs again within about their sum; shorter finds it sooner, at the cost of Redis calls per worker.
   */
  JOB_LOCK_MS: positiveInt(30_000, 3_600_000),
  JOB_STALLED_CHECK_MS: positiveInt(30_000, 3_600_000),
  /** How often the reminder sweep looks for recipients due a reminder. */
  REMINDER_SWEEP_MS: positiveInt(5 * 60_000, 24 * 3600 * 1000),
  /**
   * How long `/api/health` reuses its last SMTP check: load balancers poll it, and an SMTP handshake
   * per poll would load the mail provider. Staff can ask for a fresh one (`?deep=true`).
   */
  HEALTH_MAIL_PROBE_MS: positiveInt(60_000, 24 * 3600 * 1000),
  /** How often improvement actions are swept for due reminders and check windows that have closed. */
  ACTION_SWEEP_MS: positiveInt(15 * 60_000, 24 * 3_600_000),
  /** How often touchpoint targets are checked over the rolling 7- and 30-day windows. */
  ALERT_CHECK_EVERY_MS: positiveInt(15 * 60_000, 7 * 24 * 3_600_000),
  /** Largest CSV contact import, in bytes (the file is streamed, so this bounds time, not memory). */
  CONTACT_IMPORT_MAX_BYTES: positiveInt(50 * 1024 * 1024, 2 ** 40),
  /** Largest NDJSON or CSV response import, in bytes (streamed like the contact import). */
  RESPONSE_IMPORT_MAX_BYTES: positiveInt(200 * 1024 * 1024, 2 ** 40),
  /**
   * Private, loopback or link-local destinations webhooks may reach after all (comma-separated host
   * names, addresses or CIDR ranges, e.g. `hooks.internal,10.1.0.0/16`). Empty: only public addresses.
   */
  WEBHOOK_ALLOW_PRIVATE: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((part) => part.trim()).filter(Boolean) : []),
    z.array(z.string().regex(/^[A-Za-z0-9.:_-]+(\/\d{1,3})?$/, 'host names, addresses or CIDR ranges, comma-separated')).superRefine((list, ctx) => {
      try {
        parsePrivateAllowance(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  ),
  /**
   * Webhook retries: attempts in all, the first retry's delay, doubling after each. The defaults retry
   * for about a day (20 s · (2^12 − 1) ≈ 23 h) before the endpoint is marked failing.
   */
  WEBHOOK_MAX_ATTEMPTS: positiveInt(13, 100),
  WEBHOOK_RETRY_BASE_MS: positiveInt(20_000, 24 * 3600 * 1000),
  /** How long one webhook attempt may take, connection to last byte. */
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000, 120_000),
  /** How often deliveries written but never queued (a deletion's, a lost enqueue) are queued. */
  WEBHOOK_SWEEP_MS: positiveInt(30_000, 24 * 3600 * 1000),
});

type Env = z.infer<typeof envSchema>;

export interface Config extends Readonly<Env> {
  /** Absolute data directory for the embedded services. */
  readonly dataDir: string;
  /** Absolute path of the built client, served when it exists. */
  readonly clientDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; the only place that looks at process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production') {
    const missing = (['MONGODB_URI', 'REDIS_URL', 'SMTP_URL', 'SESSION_SECRET', 'PUBLIC_URL'] as const).filter(
      (name) => values[name] === undefined,
    );
    if (missing.length > 0) {
      throw new ConfigError(
        missing.map((variable) => ({ variable, message: 'is required when NODE_ENV=production' })),
      );
    }
    // Session cookies are only `secure` over https, and survey links carry tokens.
    if (values.PUBLIC_URL?.startsWith('http:')) {
      throw new ConfigError([{ variable: 'PUBLIC_URL', message: 'must be an https:// URL when NODE_ENV=production' }]);
    }
    if (values.SMTP_URL && new URL(values.SMTP_URL).searchParams.get('ignoreTLS') === 'true') {
      throw new ConfigError([{ variable: 'SMTP_URL', message: 'must not set ignoreTLS when NODE_ENV=production (STARTTLS is required)' }]);
    }
  }
  const root = path.resolve(import.meta.dirname, '..');
  return Object.freeze({
    ...values,
    dataDir: path.resolve(values.DATA_DIR),
    clientDist: path.join(root, 'dist', 'client'),
  });
}
