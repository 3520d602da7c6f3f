import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { RECIPIENT_STATUSES, SKIP_REASONS } from '@shared/distributions/distribution.schema';

/**
 * One contact in one occurrence of a distribution: unique per (distribution, occurrence, contact), so
 * a re-run of an occurrence finds what it decided before. No email address is kept here (the send job
 * reads the contact), so erasing a contact leaves nothing personal behind in this collection.
 */
const recipientSchema = new Schema(
  {
    distributionId: { type: Types.ObjectId, required: true },
    occurrence: { type: String, required: true },
    contactId: { type: Types.ObjectId, required: true },
    status: { type: String, enum: RECIPIENT_STATUSES, required: true },
    skipReason: { type: String, enum: [...SKIP_REASONS, null], default: null },
    /** Deferred to the send window's next opening. */
    notBefore: { type: Date, default: null },
    tokenExpiresAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    /** The invitation's or latest reminder's send time; reminders count from it. */
    lastSentAt: { type: Date, default: null },
    remindersSent: { type: Number, default: 0 },
    /** Set by the reminder sweep once the personal link was used. */
    respondedAt: { type: Date, default: null },
    error: { type: String, default: null },
  },
  // A distribution's rows stay together: its sends and counts target the shards holding its range.
  { timestamps: true, minimize: false, versionKey: false, shardKey: { distributionId: 1, occurrence: 1, contactId: 1 } },
);
recipientSchema.index({ distributionId: 1, occurrence: 1, contactId: 1 }, { unique: true });
recipientSchema.index({ distributionId: 1, status: 1, lastSentAt: 1 });

export type RecipientRecord = InferSchemaType<typeof recipientSchema> & { _id: Types.ObjectId };
export const RecipientModel = model('DistributionRecipient', recipientSchema);
