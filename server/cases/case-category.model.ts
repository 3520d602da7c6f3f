import { Schema, model } from 'mongoose';

/** One root cause of the taxonomy (a few dozen at most: one shard holds them). */
const caseCategorySchema = new Schema(
  {
    key: { type: String, required: true },
    names: { en: { type: String, required: true }, 'zh-CN': { type: String, required: true } },
    parent: { type: String, default: null },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, minimize: false },
);
caseCategorySchema.index({ key: 1 }, { unique: true });

export const CaseCategoryModel = model('CaseCategory', caseCategorySchema);
