import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { SURVEY_STATUSES } from '@shared/surveys/survey-api.schema';

/** A questionnaire: its editable draft and where its published versions stand. */
const surveySchema = new Schema(
  {
    title: { type: String, required: true },
    slug: { type: String, required: true },
    status: { type: String, required: true, enum: SURVEY_STATUSES, default: 'draft' },
    definition: { type: Schema.Types.Mixed, required: true },
    latestVersion: { type: Number, default: null },
    createdBy: { type: Types.ObjectId, ref: 'User' },
    /** The low-score follow-up rule (shared/follow-up); here, not in the versions, so it changes without a republish. */
    followUpRule: { type: Schema.Types.Mixed, default: null },
    /** Whether anonymous answers may name any touchpoint/channel; off, they need a signed link (survey-link.ts). */
    allowUnsignedTags: { type: Boolean, default: false },
  },
  { timestamps: true, minimize: false },
);
surveySchema.index({ slug: 1 }, { unique: true });
surveySchema.index({ status: 1, updatedAt: -1 });

/** A published version: written once, never updated; responses point at it. */
const surveyVersionSchema = new Schema(
  {
    surveyId: { type: Types.ObjectId, required: true, ref: 'Survey' },
    version: { type: Number, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Types.ObjectId, ref: 'User' },
  },
  { minimize: false },
);
surveyVersionSchema.index({ surveyId: 1, version: 1 }, { unique: true });
// Published versions are immutable: any update through mongoose is refused.
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'] as const) {
  surveyVersionSchema.pre(op, function refuseUpdate() {
    throw new Error('published survey versions are immutable');
  });
}

export type SurveyRecord = InferSchemaType<typeof surveySchema>;
export const SurveyModel = model('Survey', surveySchema);
export const SurveyVersionModel = model('SurveyVersion', surveyVersionSchema);
