import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/**
 * A personal link's token. Only its SHA-256 is stored, so a database leak reveals no working link.
 * Single use: a submission claims it by setting `usedAt` where it is still null.
 */
const responseTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    contactId: { type: Types.ObjectId, default: null },
    distributionId: { type: Types.ObjectId, default: null },
    /** The contact's segment when the link was issued; copied onto the response. */
    segment: { type: String, default: null },
    /** The issuing distribution's touchpoint and channel; copied onto the response (a personal link carries no tags). */
    touchpoint: { type: String, default: null },
    channel: { type: String, default: null },
    /** Which sending of a recurring distribution issued it. */
    occurrence: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    /** Set with usedAt: the submission that claimed the token and the response id it is stored under. */
    submissionId: { type: String, default: null },
    responseId: { type: Types.ObjectId, default: null },
  },
  // Looked up by the hash of the token in a link: random values, one shard per lookup.
  { timestamps: true, minimize: false, versionKey: false, shardKey: { tokenHash: 1 } },
);
responseTokenSchema.index({ tokenHash: 1 }, { unique: true });
responseTokenSchema.index({ distributionId: 1, contactId: 1 });

export type ResponseTokenRecord = InferSchemaType<typeof responseTokenSchema>;
export const ResponseTokenModel = model('ResponseToken', responseTokenSchema);
