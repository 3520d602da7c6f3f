import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { UI_LOCALES } from '@shared/survey-definition/survey-locale';
import { REPORT_CADENCES } from '@shared/reports/report-period';

const reportDefinitionSchema = new Schema(
  {
    name: { type: String, required: true },
    cadence: { type: String, enum: REPORT_CADENCES, required: true },
    survey: { type: Schema.Types.ObjectId, required: true, ref: 'Survey' },
    touchpoints: { type: [String], default: [] },
    /** A case team: the report covers the touchpoints of the cases it received in the period. */
    team: { type: Schema.Types.ObjectId, default: null },
    recipients: { type: [{ _id: false, email: { type: String, required: true }, locale: { type: String, enum: UI_LOCALES, required: true } }], default: [] },
    active: { type: Boolean, default: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export type ReportDefinitionDoc = InferSchemaType<typeof reportDefinitionSchema> & { _id: Types.ObjectId };
export const ReportDefinitionModel = model('ReportDefinition', reportDefinitionSchema);
