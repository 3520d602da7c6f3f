import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { DISTRIBUTION_STATUSES, type Audience, type Schedule, type SendWindow } from '@shared/distributions/distribution.schema';

/**
 * Who gets which survey when: audience, schedule, reminder and quarantine rules. Recurring ones run
 * on a BullMQ job scheduler named after the id (kept in Redis); `generation` is bumped on resume so
 * jobs enqueued again get fresh ids instead of colliding with the completed ones BullMQ keeps.
 */
const distributionSchema = new Schema(
  {
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    touchpoint: { type: String, required: true },
    channel: { type: String, default: null },
    audience: { type: Schema.Types.Mixed, required: true },
    schedule: { type: Schema.Types.Mixed, required: true },
    reminders: { afterDays: { type: Number, required: true }, max: { type: Number, required: true } },
    quarantineDays: { type: Number, required: true },
    sendWindow: { type: Schema.Types.Mixed, default: null },
    tokenTtlDays: { type: Number, required: true },
    status: { type: String, enum: DISTRIBUTION_STATUSES, required: true, default: 'active' },
    generation: { type: Number, default: 0 },
    lastOccurrence: { type: String, default: null },
    /** The `lastSurveyedAt` stamp the current occurrence's quarantine claims write (see occurrence.service). */
    claim: { type: { occurrence: String, stamp: Date, _id: false }, default: null },
    createdBy: { type: Types.ObjectId, default: null },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
distributionSchema.index({ status: 1, createdAt: -1 });

/** The stored shape, with the Mixed fields typed by the shared schemas they were validated with. */
export type DistributionRecord = Omit<InferSchemaType<typeof distributionSchema>, 'audience' | 'schedule' | 'sendWindow' | 'reminders'> & {
  _id: Types.ObjectId;
  audience: Audience;
  schedule: Schedule;
  sendWindow: SendWindow | null;
  reminders: { afterDays: number; max: number };
};
export const DistributionModel = model('Distribution', distributionSchema);
