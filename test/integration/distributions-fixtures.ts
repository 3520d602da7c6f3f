import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import { distributionListSchema, type CreateDistributionInput, type DistributionListItem, type DistributionWithCounts } from '@shared/distributions/distribution.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import type { TestResponse } from '../harness/platform';
import { waitForMessages } from '../harness/smtp';
import { parseMail, type ParsedMail } from './follow-up-fixtures';

export interface ReceivedMail extends ParsedMail {
  /** The slug and token of the personal link in the text body, when there is one. */
  link: { slug: string; token: string } | null;
  /** When the server accepted it (ms since the epoch). */
  at: number;
}

export interface RejectingMailbox {
  url: string;
  received: ReceivedMail[];
  /** RCPT TO attempts per address, accepted or not (a retried permanent failure would show as more than one). */
  attempts: Map<string, number>;
  byRecipient(): Map<string, ReceivedMail[]>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * Holds the reply to DATA of the first message `pick` chooses (asked once per message, in arrival
   * order, with its recipient): the message is read in full but never answered nor recorded, as if the
   * server were still deciding when the sender dies; it is dropped when the connection closes.
   * Resolves with the recipient once that message is being held, fails after the timeout.
   */
  holdOne(pick: (to: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server that answers `550` to RCPT TO for the `rejected` addresses, `451` (try again
 * later) to the first RCPT TO for the `deferredOnce` ones, and keeps everything else, parsed.
 */
export async function startRejectingMailbox(rejected: string[] = [], deferredOnce: string[] = []): Promise<RejectingMailbox> {
  const refuse = new Set(rejected.map((a) => a.toLowerCase()));
  const defer = new Set(deferredOnce.map((a) => a.toLowerCase()));
  const received: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  let hold: { pick: (to: string) => boolean; held: (to: string) => void } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      attempts.set(to, (attempts.get(to) ?? 0) + 1);
      if (defer.delete(to)) return callback(Object.assign(new Error('4.2.1 mailbox busy, try again later'), { responseCode: 451 }));
      if (!refuse.has(to)) return callback();
      callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
      const holding = hold?.pick(to) ? hold : null;
      if (holding) hold = null;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (holding) return holding.held(to); // no reply: the sender waits for its 250 until it gives up or dies
        const mail = parseMail({ from: null, to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks) });
        const match = /\/s\/([A-Za-z0-9_-]+)\?t=([A-Za-z0-9_-]{43})/.exec(mail.text);
        received.push({ ...mail, link: match ? { slug: match[1]!, token: match[2]! } : null, at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    attempts,
    byRecipient() {
      const map = new Map<string, ReceivedMail[]>();
      for (const mail of received) for (const to of mail.to) map.set(to, [...(map.get(to) ?? []), mail]);
      return map;
    },
    waitFor: (count, timeoutMs = 15_000) => waitForMessages(received, count, timeoutMs),
    holdOne: (pick, timeoutMs = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          hold = null;
          reject(new Error(`no message was held within ${timeoutMs} ms`));
        }, timeoutMs);
        hold = {
          pick,
          held: (to) => {
            clearTimeout(timer);
            resolve(to);
          },
        };
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Inserts contacts straight into the store (the contacts API is not what these tests are about). */
export async function seedContacts(prefix: string, count: number, fields: Record<string, unknown> = {}) {
  const docs = await ContactModel.insertMany(
    Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}@example.test`, name: `${prefix} ${i}`, locale: 'en', ...fields })),
  );
  return docs.map((doc) => ({ id: doc._id.toString(), email: doc.email }));
}

type Request = (path: string, init?: { method?: string; body?: unknown; cookie?: string; csrf?: boolean }) => Promise<TestResponse>;

export function distributionsApi(request: Request, cookie: string) {
  return {
    async create(body: CreateDistributionInput): Promise<string> {
      const reply = await request('/api/distributions', { cookie, body });
      expect(reply.status, reply.text).toBe(201);
      return (reply.body as { id: string }).id;
    },
    /** `GET /api/distributions`, checked against the shared schema. */
    async list(): Promise<DistributionListItem[]> {
      const reply = await request('/api/distributions', { cookie });
      expect(reply.status, reply.text).toBe(200);
      return distributionListSchema.parse(reply.body).distributions;
    },
    async get(id: string): Promise<DistributionWithCounts> {
      const reply = await request(`/api/distributions/${id}`, { cookie });
      expect(reply.status, reply.text).toBe(200);
      return reply.body as DistributionWithCounts;
    },
    async act(id: string, action: 'pause' | 'resume' | 'cancel'): Promise<DistributionWithCounts> {
      const reply = await request(`/api/distributions/${id}/${action}`, { cookie, method: 'POST' });
      expect(reply.status, reply.text).toBe(200);
      return reply.body as DistributionWithCounts;
    },
  };
}

/** A send window that is closed now: it opens in two hours (UTC) and lasts one. */
export function closedWindow(now = new Date()) {
  const hhmm = (offsetHours: number) => {
    const t = new Date(now.getTime() + offsetHours * 3_600_000);
    return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  };
  return { from: hhmm(2), to: hhmm(3), timezone: 'UTC' };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
