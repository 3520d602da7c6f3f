import type { StoredTheme, ThemeInput, ThemeRetagStatus, ThemeUpdate } from '@shared/themes/theme-api.schema';
import { DEFAULT_THEMES } from '@shared/themes/default-themes';
import { compileThemes, tagComment, type CompiledThemes } from '@shared/themes/tag-comments';
import type { Theme } from '@shared/themes/theme.schema';
import { Conflict, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { THEME_STATE_ID, ThemeModel, ThemeStateModel } from './theme.model';

/** A re-tag progress report older than this belongs to a job that died; the next one takes over. */
const PROGRESS_STALE_MS = 60_000;

interface ThemeDoc {
  key: string;
  name: Theme['name'];
  keywords: Theme['keywords'];
  updatedAt: Date;
}

function toTheme(doc: Theme): Theme {
  return { key: doc.key, name: { en: doc.name.en, 'zh-CN': doc.name['zh-CN'] }, keywords: { en: [...doc.keywords.en], 'zh-CN': [...doc.keywords['zh-CN']] } };
}

const toStored = (doc: ThemeDoc): StoredTheme => ({ ...toTheme(doc), updatedAt: doc.updatedAt.toISOString() });

/**
 * Seeds shared/themes/default-themes on the first start ever: whoever creates the state document
 * inserts them, so two processes starting together seed once. Revision 1 is not tagged yet, so the
 * re-tagging job tags the comments folded before themes existed.
 */
export async function seedDefaultThemes(): Promise<boolean> {
  const created = await ThemeStateModel.updateOne({ _id: THEME_STATE_ID }, { $setOnInsert: { revision: 1, taggedRevision: 0, progress: null } }, { upsert: true });
  if (created.upsertedCount === 0) return false;
  await ThemeModel.insertMany(DEFAULT_THEMES.map(toTheme), { ordered: false }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
  return true;
}

export async function listThemes(): Promise<StoredTheme[]> {
  return (await ThemeModel.find().sort({ key: 1 }).lean<ThemeDoc[]>()).map(toStored);
}

/** Raises the revision after an edit; returns it, for the re-tagging job's id. */
async function bumpRevision(): Promise<number> {
  const state = await ThemeStateModel.findOneAndUpdate({ _id: THEME_STATE_ID }, { $inc: { revision: 1 } }, { upsert: true, new: true }).lean();
  return state.revision;
}

export async function createTheme(input: ThemeInput): Promise<{ theme: StoredTheme; revision: number }> {
  try {
    const doc = await ThemeModel.create(input);
    return { theme: toStored(doc.toObject() as ThemeDoc), revision: await bumpRevision() };
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict(`A theme with key "${input.key}" exists.`, 'theme-exists');
    throw error;
  }
}

export async function updateTheme(key: string, update: ThemeUpdate): Promise<{ theme: StoredTheme; revision: number }> {
  const doc = await ThemeModel.findOneAndUpdate({ key }, { $set: update }, { new: true }).lean<ThemeDoc>();
  if (!doc) throw new NotFound(`There is no theme "${key}".`);
  return { theme: toStored(doc), revision: await bumpRevision() };
}

export async function deleteTheme(key: string): Promise<{ revision: number }> {
  const deleted = await ThemeModel.deleteOne({ key });
  if (deleted.deletedCount === 0) throw new NotFound(`There is no theme "${key}".`);
  return { revision: await bumpRevision() };
}

export async function retagStatus(now = new Date()): Promise<ThemeRetagStatus> {
  const state = await ThemeStateModel.findById(THEME_STATE_ID).lean();
  const revision = state?.revision ?? 0;
  const taggedRevision = state?.taggedRevision ?? 0;
  const progress = state?.progress?.at && now.getTime() - state.progress.at.getTime() < PROGRESS_STALE_MS ? state.progress : null;
  const behind = taggedRevision < revision;
  return {
    revision,
    taggedRevision,
    state: !behind ? 'idle' : progress ? 'active' : 'waiting',
    progress: behind && progress ? { done: progress.done ?? 0, total: progress.total ?? 0 } : null,
  };
}

/** Records how far a re-tag got (read by retagStatus). */
export async function reportRetagProgress(done: number, total: number): Promise<void> {
  await ThemeStateModel.updateOne({ _id: THEME_STATE_ID }, { $set: { progress: { done, total, at: new Date() } } });
}

/** Records that the tags follow `revision` now (never moving back, should two re-tags overlap). */
export async function markTagged(revision: number): Promise<void> {
  await ThemeStateModel.updateOne({ _id: THEME_STATE_ID }, { $max: { taggedRevision: revision }, $set: { progress: null } });
}

/** Tags a response's comments with the themes as they are now. */
export interface ThemeTagger {
  revision: number;
  tag(comments: readonly string[]): string[];
}

let compiledCache: { signature: string; compiled: CompiledThemes } | null = null;

/**
 * The current themes, compiled once per change. Read from MongoDB on every call (a few small
 * documents), so a worker tags with an edit made through any API process at once.
 */
export async function currentThemeTagger(): Promise<ThemeTagger> {
  // The revision first: an edit saves the theme before raising it, so these themes are at least that new.
  const state = await ThemeStateModel.findById(THEME_STATE_ID).lean();
  const docs = await ThemeModel.find().sort({ key: 1 }).lean<ThemeDoc[]>();
  const themes = docs.map(toTheme);
  const signature = JSON.stringify(themes);
  if (compiledCache?.signature !== signature) compiledCache = { signature, compiled: compileThemes(themes) };
  const { compiled } = compiledCache;
  return {
    revision: state?.revision ?? 0,
    tag: (comments) => {
      const keys = new Set(comments.flatMap((text) => tagComment(text, compiled)));
      return compiled.keys.filter((key) => keys.has(key));
    },
  };
}

/** Theme names by key, for replies that list themes. */
export async function themeNames(): Promise<Map<string, Theme['name']>> {
  return new Map((await ThemeModel.find({}, { key: 1, name: 1 }).lean<ThemeDoc[]>()).map((doc) => [doc.key, { en: doc.name.en, 'zh-CN': doc.name['zh-CN'] }]));
}
