import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/**
 * The short link `/q/<code>` of one (survey, touchpoint, channel): what QR codes and printed cards carry.
 * It stores the tags, not the signed URL, so a redirect always signs afresh (a rotated key or a renamed
 * slug leaves printed codes working). Untagged sides are stored as null, so the unique triple index
 * holds for them too.
 *
 * Not sharded: one document per tag combination a designer asked for (surveys × touchpoints × channels),
 * a small collection; and it needs two unique indexes (code, triple), which no one shard key could prefix.
 */
const shortLinkSchema = new Schema(
  {
    code: { type: String, required: true },
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    touchpoint: { type: String, default: null },
    channel: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false, versionKey: false },
);
shortLinkSchema.index({ code: 1 }, { unique: true });
shortLinkSchema.index({ surveyId: 1, touchpoint: 1, channel: 1 }, { unique: true });

export type ShortLinkRecord = InferSchemaType<typeof shortLinkSchema>;
export const ShortLinkModel = model('ShortLink', shortLinkSchema);
