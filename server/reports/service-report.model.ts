import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { REPORT_CADENCES } from '@shared/reports/report-period';

/** One built report: a definition's period, built once (unique per definition and period) and kept for the past-reports list. */
const serviceReportSchema = new Schema(
  {
    definitionId: { type: Schema.Types.ObjectId, required: true, ref: 'ReportDefinition' },
    name: { type: String, required: true },
    cadence: { type: String, enum: REPORT_CADENCES, required: true },
    survey: { id: { type: String, required: true }, title: { type: String, required: true } },
    period: { key: { type: String, required: true }, from: { type: String, required: true }, to: { type: String, required: true } },
    sections: { type: Schema.Types.Mixed, required: true },
    sectionsLeftOut: { type: [String], default: [] },
    sentTo: { type: [String], default: [] },
    builtAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
serviceReportSchema.index({ definitionId: 1, 'period.key': 1 }, { unique: true });
serviceReportSchema.index({ builtAt: -1 });

export type ServiceReportDoc = InferSchemaType<typeof serviceReportSchema> & { _id: Types.ObjectId };
export const ServiceReportModel = model('ServiceReport', serviceReportSchema);
