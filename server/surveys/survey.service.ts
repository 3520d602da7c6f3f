import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { diffDefinitions, sameDefinition } from '@shared/surveys/definition-changes';
import type { PublicSurvey } from '@shared/surveys/public-survey.schema';
import type { CreateSurveyInput, Survey, SurveyVersion, UpdateSurveyInput } from '@shared/surveys/survey-api.schema';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { contractedDefinitionSchema } from '@shared/survey-definition/definition-contract';
import { getTemplate } from '@shared/survey-definition/templates';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { toInvalidParams } from '../lib/validate';
import { SurveyModel, SurveyVersionModel } from './survey.model';

type SurveyDoc = InstanceType<typeof SurveyModel>;

function newSlug(): string {
  return randomBytes(7).toString('base64url');
}

async function findSurvey(id: string): Promise<SurveyDoc> {
  const doc = await SurveyModel.findById(id);
  if (!doc) throw new NotFound(`There is no survey ${id}.`);
  return doc;
}

async function latestVersionDoc(surveyId: Types.ObjectId, latest: number | null | undefined) {
  return latest ? SurveyVersionModel.findOne({ surveyId, version: latest }).lean() : null;
}

async function toSurvey(doc: SurveyDoc): Promise<Survey> {
  const [versions, latest] = await Promise.all([
    SurveyVersionModel.find({ surveyId: doc._id }, { version: 1, publishedAt: 1 }).sort({ version: 1 }).lean(),
    latestVersionDoc(doc._id, doc.latestVersion),
  ]);
  return {
    id: doc._id.toString(),
    slug: doc.slug,
    title: doc.title,
    status: doc.status,
    definition: doc.definition as SurveyDefinition,
    hasUnpublishedChanges: !latest || !sameDefinition(latest.definition, doc.definition),
    allowUnsignedTags: doc.allowUnsignedTags,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export async function createSurvey(input: CreateSurveyInput, userId: string): Promise<{ id: string; slug: string; status: 'draft' }> {
  const definition = input.template ? getTemplate(input.template) : (input.definition ?? { pages: [{ name: 'page1', elements: [] }] });
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await SurveyModel.create({
        title: input.title,
        slug: newSlug(),
        definition,
        createdBy: userId,
        allowUnsignedTags: input.allowUnsignedTags ?? false,
      });
      return { id: doc._id.toString(), slug: doc.slug, status: 'draft' };
    } catch (error) {
      // A slug collision is astronomically rare; try a fresh one rather than fail.
      if (!isDuplicateKey(error) || attempt >= 3) throw error;
    }
  }
}

export async function listSurveys() {
  const docs = await SurveyModel.find({}, { definition: 0 }).sort({ updatedAt: -1 }).limit(500).lean();
  return docs.map((doc) => ({
    id: doc._id.toString(),
    slug: doc.slug,
    title: doc.title,
    status: doc.status,
    latestVersion: doc.latestVersion ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }));
}

export async function getSurvey(id: string): Promise<Survey> {
  return toSurvey(await findSurvey(id));
}

export async function updateSurvey(id: string, input: UpdateSurveyInput): Promise<Survey> {
  const doc = await findSurvey(id);
  if (doc.status === 'archived') throw new Conflict('This survey is archived; restore it before editing.', 'survey-archived');
  if (input.title !== undefined) doc.title = input.title;
  if (input.allowUnsignedTags !== undefined) doc.allowUnsignedTags = input.allowUnsignedTags;
  if (input.definition !== undefined) {
    doc.definition = input.definition;
    doc.markModified('definition');
  }
  await doc.save();
  return toSurvey(doc);
}

/** Freezes the draft as the next immutable version (1, 2, ...); the unique (survey, version) index settles races. */
export async function publishSurvey(id: string, userId: string) {
  const doc = await findSurvey(id);
  if (doc.status === 'archived') throw new Conflict('This survey is archived; restore it before publishing.', 'survey-archived');
  const definition = doc.definition as SurveyDefinition;
  // The same check as on save, reported the same way: the contract may have grown since the draft was saved.
  const checked = contractedDefinitionSchema.safeParse(definition);
  if (!checked.success) {
    throw new Invalid('The draft breaks the question contract and cannot be published.', toInvalidParams(checked.error, 'definition'));
  }
  const previous = await latestVersionDoc(doc._id, doc.latestVersion);
  const version = (doc.latestVersion ?? 0) + 1;
  try {
    await SurveyVersionModel.create({ surveyId: doc._id, version, definition, publishedAt: new Date(), publishedBy: userId });
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict('Someone published this survey at the same moment; reload and try again.', 'publish-race');
    throw error;
  }
  await SurveyModel.updateOne({ _id: doc._id, $or: [{ latestVersion: null }, { latestVersion: { $lt: version } }] }, { $set: { latestVersion: version, status: 'published' } });
  return { version, slug: doc.slug, changes: diffDefinitions(previous?.definition ?? null, definition) };
}

export async function getSurveyVersion(id: string, version: number): Promise<SurveyVersion> {
  const doc = await SurveyVersionModel.findOne({ surveyId: id, version }).lean();
  if (!doc) throw new NotFound(`Survey ${id} has no version ${version}.`);
  return { surveyId: id, version: doc.version, definition: doc.definition as SurveyDefinition, publishedAt: doc.publishedAt.toISOString() };
}

export async function setArchived(id: string, archived: boolean): Promise<Survey> {
  const doc = await findSurvey(id);
  doc.status = archived ? 'archived' : doc.latestVersion ? 'published' : 'draft';
  await doc.save();
  return toSurvey(doc);
}

export interface OpenSurvey {
  surveyId: string;
  latestVersion: number;
  /** Anonymous answers may carry any touchpoint/channel, not only signed ones. */
  allowUnsignedTags: boolean;
}

/** The published survey behind a public slug (or, for staff APIs, an id), or null when it is unknown, a draft or archived. */
export async function findOpenSurvey(by: { slug: string } | { id: string }): Promise<OpenSurvey | null> {
  const filter = 'slug' in by ? { slug: by.slug } : { _id: by.id };
  const doc = await SurveyModel.findOne(filter, { status: 1, latestVersion: 1, allowUnsignedTags: 1 }).lean();
  if (!doc || doc.status !== 'published' || !doc.latestVersion) return null;
  return { surveyId: doc._id.toString(), latestVersion: doc.latestVersion, allowUnsignedTags: doc.allowUnsignedTags === true };
}

/** The definition of one published version, or null when the survey has no such version. */
export async function findPublishedDefinition(surveyId: string, version: number): Promise<SurveyDefinition | null> {
  const doc = await SurveyVersionModel.findOne({ surveyId, version }, { definition: 1 }).lean();
  return doc ? (doc.definition as SurveyDefinition) : null;
}

/** The latest published version behind a public link; drafts and archived surveys are not found. */
export async function getPublicSurvey(slug: string): Promise<PublicSurvey> {
  const open = await findOpenSurvey({ slug });
  const definition = open ? await findPublishedDefinition(open.surveyId, open.latestVersion) : null;
  if (!open || !definition) throw new NotFound('This survey is not open for answers.');
  return { slug, version: open.latestVersion, definition };
}
