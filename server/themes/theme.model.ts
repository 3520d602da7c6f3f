import { Schema, model, type InferSchemaType } from 'mongoose';

/** An admin-kept comment theme (shared/themes/theme.schema): a few dozen at most, so unsharded. */
const themeSchema = new Schema(
  {
    key: { type: String, required: true },
    name: { en: { type: String, required: true }, 'zh-CN': { type: String, required: true } },
    keywords: { en: { type: [String], default: [] }, 'zh-CN': { type: [String], default: [] } },
  },
  { timestamps: true, versionKey: false },
);
themeSchema.index({ key: 1 }, { unique: true });

export type ThemeRecord = InferSchemaType<typeof themeSchema>;
export const ThemeModel = model('Theme', themeSchema);

/**
 * One document (`_id: 'themes'`): `revision` rises with every theme edit, `taggedRevision` is the one
 * the stored tags and theme rollups follow; the re-tagging job closes the gap and reports `progress`.
 * Its existence also says the defaults were seeded once, so themes an admin deleted stay deleted.
 */
const themeStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    revision: { type: Number, default: 0 },
    taggedRevision: { type: Number, default: 0 },
    progress: { type: { done: Number, total: Number, at: Date }, default: null, _id: false },
  },
  { versionKey: false },
);
export const ThemeStateModel = model('ThemeState', themeStateSchema);
export const THEME_STATE_ID = 'themes';
