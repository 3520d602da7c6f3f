import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/**
 * A tablet at a counter answering one survey for one touchpoint and channel. It proves itself with a
 * random credential of which only the SHA-256 is stored; revoking sets `revokedAt` (kept, so the list
 * shows what was switched off and when). One document per tablet: a small collection.
 */
const kioskDeviceSchema = new Schema(
  {
    name: { type: String, required: true },
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    touchpoint: { type: String, required: true },
    channel: { type: String, required: true },
    thankYouSeconds: { type: Number, required: true },
    idleSeconds: { type: Number, required: true },
    credentialHash: { type: String, required: true },
    createdBy: { type: Types.ObjectId, required: true, ref: 'User' },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
kioskDeviceSchema.index({ credentialHash: 1 }, { unique: true });
kioskDeviceSchema.index({ surveyId: 1, createdAt: -1 });

export type KioskDeviceRecord = InferSchemaType<typeof kioskDeviceSchema>;
export type KioskDeviceDoc = KioskDeviceRecord & { _id: Types.ObjectId; createdAt: Date };
export const KioskDeviceModel = model('KioskDevice', kioskDeviceSchema);
