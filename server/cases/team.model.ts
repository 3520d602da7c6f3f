import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/** A team works cases: its members (agents see its cases), its lead (second rung of escalation), its calendar. */
const teamSchema = new Schema(
  {
    name: { type: String, required: true },
    members: { type: [Types.ObjectId], default: [] },
    lead: { type: Types.ObjectId, default: null },
    /** A businessCalendarSchema value, validated at the edge. */
    calendar: { type: Schema.Types.Mixed, required: true },
    /** null: the built-in service standard (DEFAULT_SLA_POLICY). */
    slaPolicyId: { type: Types.ObjectId, default: null },
  },
  { timestamps: true, minimize: false },
);
teamSchema.index({ members: 1 });

export type TeamRecord = InferSchemaType<typeof teamSchema>;
export const TeamModel = model('CaseTeam', teamSchema);
