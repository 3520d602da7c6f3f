import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { RESPONSE_FLAGS } from '@shared/responses/response-api.schema';

/**
 * One customer's submitted answers to one immutable survey version. Holds everything the score fold
 * needs (version to reload the definition, answers, touchpoint, channel, flags, submittedAt), so the
 * fold can run from the stored document alone.
 */
const responseSchema = new Schema(
  {
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    version: { type: Number, required: true },
    /** Client-made UUID: the unique index turns a resubmission into a lookup of the first one. */
    submissionId: { type: String, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    /** Respondent-level metric values (csat, nps, ces, servqualGap) for filtering. */
    metrics: { type: Schema.Types.Mixed, default: {} },
    touchpoint: { type: String, default: null },
    channel: { type: String, default: null },
    contactId: { type: Types.ObjectId, default: null },
    distributionId: { type: Types.ObjectId, default: null },
    /** The contact's customer segment when the link was issued (rollups are kept per segment). */
    segment: { type: String, default: null },
    tokenId: { type: Types.ObjectId, default: null },
    locale: { type: String, default: null },
    userAgent: { type: String, default: null },
    flags: { type: [String], enum: RESPONSE_FLAGS, default: [] },
    elapsedMs: { type: Number, default: null },
    /**
     * Another system's id for a response it sent (`POST /api/responses`). Its idempotency is the
     * submissionId derived from survey and externalId (unique, and the shard key), not an index here.
     */
    externalId: { type: String, default: null },
    submittedAt: { type: Date, required: true },
    /**
     * `pending` until the score fold has counted it into the rollups, then `folded`; the fold flips it
     * in the same transaction as its `$inc`, so a response is counted exactly once.
     */
    foldState: { type: String, enum: ['pending', 'folded'], default: 'pending' },
    /**
     * Keys of the comment themes the fold tagged it with (server/scores/theme-fold.service); absent
     * when it has no comment. Re-tagged by the themes' re-tagging job after a theme changes.
     */
    themes: { type: [String], default: undefined },
    /** Set when a low-score rule matched: staff should reach back to this customer (`StoredFollowUp`). */
    followUp: { type: Schema.Types.Mixed, default: null },
  },
  // Sharded on the client-made UUID: random, so inserts spread over every shard, and the resubmission
  // lookup (the unique index) targets one. Reads by survey fan out (README, Scaling out).
  { minimize: false, versionKey: false, shardKey: { submissionId: 1 } },
);
responseSchema.index({ submissionId: 1 }, { unique: true });
// Dashboards and the staff list: one survey, newest first, optionally narrowed by touchpoint or channel.
responseSchema.index({ surveyId: 1, submittedAt: -1, _id: -1 });
responseSchema.index({ surveyId: 1, touchpoint: 1, submittedAt: -1 });
responseSchema.index({ surveyId: 1, channel: 1, submittedAt: -1 });
// Touchpoint dashboards span surveys.
responseSchema.index({ touchpoint: 1, submittedAt: -1 });
responseSchema.index({ contactId: 1, submittedAt: -1 });
// The fold takes any pending responses (order does not matter: counters add up the same).
responseSchema.index({ foldState: 1 });
// The follow-up sweep finds matched responses whose alerts have not run (sparse: most responses have none).
responseSchema.index({ 'followUp.status': 1, 'followUp.matchedAt': 1 }, { sparse: true });

export type ResponseRecord = InferSchemaType<typeof responseSchema>;
/** A stored response as read with `.lean()`. */
export type ResponseDoc = ResponseRecord & { _id: Types.ObjectId };
export const ResponseModel = model('Response', responseSchema);
