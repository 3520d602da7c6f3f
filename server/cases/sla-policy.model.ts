import { Schema, model, type InferSchemaType } from 'mongoose';

/** An SLA policy (slaPolicySchema): targets per priority and segment, warning ratio, escalation ladder. */
const slaPolicyModelSchema = new Schema(
  {
    name: { type: String, required: true },
    warningRatio: { type: Number, required: true },
    rules: { type: Schema.Types.Mixed, required: true },
    escalation: { type: Schema.Types.Mixed, default: [] },
  },
  { timestamps: true, minimize: false },
);

export type SlaPolicyRecord = InferSchemaType<typeof slaPolicyModelSchema>;
export const SlaPolicyModel = model('SlaPolicy', slaPolicyModelSchema);
