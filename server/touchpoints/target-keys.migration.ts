import { LEGACY_TARGET_KEYS, withCurrentTargetKeys } from '@shared/scoring/metric-keys';
import { TouchpointModel } from './touchpoint.model';

/**
 * Renames the former camelCase keys (csatMean, csatSatisfiedPct, servqualGap) in stored touchpoint targets
 * to the one metric spelling. Run at start-up before anything reads targets; a second run finds nothing.
 * Returns how many touchpoints were rewritten.
 */
export async function renameLegacyTargetKeys(): Promise<number> {
  const legacy = await TouchpointModel.find({ $or: Object.keys(LEGACY_TARGET_KEYS).map((key) => ({ [`target.${key}`]: { $exists: true } })) })
    .select({ target: 1 })
    .lean();
  for (const doc of legacy) {
    await TouchpointModel.updateOne({ _id: doc._id }, { $set: { target: withCurrentTargetKeys(doc.target as Record<string, unknown>) } });
  }
  return legacy.length;
}
