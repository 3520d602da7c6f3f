import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { SEND_KINDS, SEND_STATUSES } from '@shared/mail/send-log.schema';

/**
 * Every email the platform sends, one document per logical message. The unique `key` (e.g.
 * `invitation/<distribution>/<contact>/<occurrence>`) is what makes sending idempotent: a retried or
 * re-run job finds the entry and does not send again once it is `sent`.
 */
const sendLogSchema = new Schema(
  {
    key: { type: String, required: true },
    kind: { type: String, enum: SEND_KINDS, required: true },
    to: { type: String, required: true },
    subject: { type: String, default: null },
    status: { type: String, enum: SEND_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    /** A job holding the entry until then is sending it; another attempt waits instead of sending twice. */
    leaseUntil: { type: Date, default: null },
    /** Which attempt holds the lease (a random id per attempt): a batched claim reads back whether it won. */
    leaseHolder: { type: String, default: null },
    contactId: { type: Types.ObjectId, default: null },
    distributionId: { type: Types.ObjectId, default: null },
    responseId: { type: Types.ObjectId, default: null },
    occurrence: { type: String, default: null },
    messageId: { type: String, default: null },
    smtpResponse: { type: String, default: null },
    error: { type: Schema.Types.Mixed, default: null },
    sentAt: { type: Date, default: null },
  },
  // Every claim and outcome is by key, so each targets one shard.
  { timestamps: true, minimize: false, versionKey: false, shardKey: { key: 1 } },
);
sendLogSchema.index({ key: 1 }, { unique: true });
sendLogSchema.index({ distributionId: 1, createdAt: -1 });
sendLogSchema.index({ contactId: 1, createdAt: -1 });

export type SendLogRecord = InferSchemaType<typeof sendLogSchema>;
export const SendLogModel = model('SendLog', sendLogSchema);
