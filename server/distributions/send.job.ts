import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { defineJob, type AppContext } from '../app-context';
import type { DefinedJob } from '../lib/queue';
import type { Config } from '../config';
import type { DistributionRecord } from './distribution.model';
import { sendPayloadSchema, type SendPayload } from './send-payload';
import { sendBatch, type BatchSummary } from './send.service';

/**
 * Recipients per send job: MAIL_BATCH_SIZE, but never more than the provider's quota per window, so
 * the BullMQ limiter (which counts jobs) can keep emails within MAIL_RATE_MAX.
 */
export function sendBatchSize(config: Pick<Config, 'MAIL_BATCH_SIZE' | 'MAIL_RATE_MAX'>): number {
  return Math.max(1, Math.min(config.MAIL_BATCH_SIZE, config.MAIL_RATE_MAX));
}

/**
 * One job per batch of recipients of one distribution, kind and send time: the job reads its rows,
 * contacts and distribution in a few queries, sends through the pooled transport in parallel (at most
 * MAIL_CONCURRENCY emails of a worker in flight) and records the recipients' outcomes in one write.
 * Each email still goes through the send log, so a retried or crashed batch re-sends nothing that went
 * out. The limiter is the provider's quota: MAIL_RATE_MAX emails per MAIL_RATE_DURATION_MS across every
 * worker, as whole batches (floor(MAIL_RATE_MAX / batch size) jobs per window).
 */
const SEND_QUEUE = 'distribution-send';

export const sendJob: DefinedJob<typeof sendPayloadSchema, AppContext> = defineJob({
  queue: SEND_QUEUE,
  payload: sendPayloadSchema,
  // Enough batches to fill MAIL_CONCURRENCY, plus one reading its rows while the others send.
  concurrency: (ctx) => Math.max(1, Math.ceil(ctx.config.MAIL_CONCURRENCY / sendBatchSize(ctx.config))) + 1,
  limiter: (ctx) => ({ max: Math.max(1, Math.floor(ctx.config.MAIL_RATE_MAX / sendBatchSize(ctx.config))), duration: ctx.config.MAIL_RATE_DURATION_MS }),
  defaults: { removeOnComplete: { age: 24 * 3600, count: 10_000 } },
  handle: async (payload, ctx): Promise<BatchSummary | { requeued: number }> => {
    const size = sendBatchSize(ctx.config);
    if (payload.recipientIds.length <= size) return sendBatch(ctx, payload);
    // Queued where MAIL_BATCH_SIZE or MAIL_RATE_MAX is larger than here: re-queued in this worker's
    // batch size, so the limiter keeps this worker's quota. The part ids derive from this job's id.
    const parts = [];
    for (let start = 0; start < payload.recipientIds.length; start += size) {
      const data = { ...payload, recipientIds: payload.recipientIds.slice(start, start + size) };
      parts.push({ name: SEND_QUEUE, data, opts: { jobId: `${ctx.job.id}-p${parts.length}` } });
    }
    await ctx.queues.queue(sendJob).addBulk(parts);
    return { requeued: parts.length };
  },
});

/**
 * One job id per batch (kind, reminder number, its recipients) and generation; `generation` moves on
 * at each resume. Enqueueing the same batch again (a re-run of an occurrence) keeps one job.
 */
export function sendJobId(payload: SendPayload, generation: number): string {
  const members = createHash('sha256').update([...payload.recipientIds].sort().join(',')).digest('hex').slice(0, 32);
  return `${payload.kind === 'invitation' ? 'inv' : `rem${payload.reminder}`}-${members}-g${generation}`;
}

export interface SendToEnqueue {
  recipientId: Types.ObjectId;
  notBefore: Date | null;
  reminder?: number;
}

/**
 * Enqueues sends in batches of `sendBatchSize` recipients sharing a reminder number and a send time
 * (each batch delayed to its send window's opening), with one Redis round trip (addBulk) per call.
 */
export async function enqueueSends(
  ctx: Pick<AppContext, 'queues' | 'config'>,
  distribution: Pick<DistributionRecord, '_id' | 'generation'>,
  sends: SendToEnqueue[],
  now: Date = new Date(),
): Promise<void> {
  const size = sendBatchSize(ctx.config);
  const groups = new Map<string, SendToEnqueue[]>();
  for (const send of sends) {
    const key = `${send.reminder ?? 0}/${send.notBefore?.getTime() ?? 0}`;
    const group = groups.get(key);
    if (group) group.push(send);
    else groups.set(key, [send]);
  }
  const jobs = [];
  for (const group of groups.values()) {
    const { reminder, notBefore } = group[0]!;
    const delay = notBefore ? Math.max(0, notBefore.getTime() - now.getTime()) : 0;
    for (let start = 0; start < group.length; start += size) {
      const data = sendPayloadSchema.parse({
        distributionId: distribution._id.toString(),
        kind: reminder ? 'reminder' : 'invitation',
        ...(reminder ? { reminder } : {}),
        recipientIds: group.slice(start, start + size).map((send) => send.recipientId.toString()),
      });
      jobs.push({ name: sendJob.queue, data, opts: { jobId: sendJobId(data, distribution.generation ?? 0), ...(delay > 0 ? { delay } : {}) } });
    }
  }
  if (jobs.length > 0) await ctx.queues.queue(sendJob).addBulk(jobs);
}
