import { Schema, model } from 'mongoose';
import { DEFAULT_INDEX_WEIGHTS, type IndexWeights } from '@shared/scoring/composite-index';
import { NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';

/** Every version of the index weights ever set; old versions stay so a past report can be recomputed. */
const indexWeightsSchema = new Schema(
  {
    version: { type: Number, required: true },
    csat: { type: Number, required: true },
    nps: { type: Number, required: true },
    ces: { type: Number, required: true },
    servqual: { type: Number, required: true },
    // Weights stored before case metrics existed read as 0.
    fcr: { type: Number, default: 0 },
    sla: { type: Number, default: 0 },
    setBy: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
indexWeightsSchema.index({ version: 1 }, { unique: true });
export const IndexWeightsModel = model('IndexWeights', indexWeightsSchema);

const toWeights = (doc: { version: number; csat: number; nps: number; ces: number; servqual: number; fcr?: number | null; sla?: number | null }): IndexWeights => ({
  version: doc.version, csat: doc.csat, nps: doc.nps, ces: doc.ces, servqual: doc.servqual, fcr: doc.fcr ?? 0, sla: doc.sla ?? 0,
});

/** The weights of `version`, or the newest (the built-in default, version 0, until an admin sets some). */
export async function indexWeights(version?: number): Promise<IndexWeights> {
  if (version === 0) return DEFAULT_INDEX_WEIGHTS;
  const doc = version === undefined
    ? await IndexWeightsModel.findOne().sort({ version: -1 }).lean()
    : await IndexWeightsModel.findOne({ version }).lean();
  if (doc) return toWeights(doc);
  if (version === undefined) return DEFAULT_INDEX_WEIGHTS;
  throw new NotFound(`There are no index weights version ${version}.`);
}

export async function listIndexWeights(): Promise<IndexWeights[]> {
  const docs = await IndexWeightsModel.find().sort({ version: -1 }).lean();
  return [...docs.map(toWeights), DEFAULT_INDEX_WEIGHTS];
}

/** Stores new weights as the next version (two admins saving at once both get their own version). */
export async function setIndexWeights(weights: Omit<IndexWeights, 'version'>, setBy: string): Promise<IndexWeights> {
  for (;;) {
    const { version } = await indexWeights();
    try {
      const doc = await IndexWeightsModel.create({ ...weights, version: version + 1, setBy });
      return toWeights(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
