import { Schema, model, type InferSchemaType } from 'mongoose';

const touchpointSchema = new Schema(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String },
    owners: { type: [String], default: [] },
    target: { type: Schema.Types.Mixed, default: {} },
  },
  { timestamps: true, minimize: false },
);
touchpointSchema.index({ key: 1 }, { unique: true });

export type TouchpointRecord = InferSchemaType<typeof touchpointSchema>;
export const TouchpointModel = model('Touchpoint', touchpointSchema);
