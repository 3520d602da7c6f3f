import { isDuplicateKey } from '../lib/mongo-errors';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { StandardVersionModel } from './standard-version.model';

/**
 * Gives every touchpoint kept from before standards were versioned a version 1 holding its targets,
 * effective from the touchpoint's creation (the first version also judges anything earlier). Run at
 * start-up after the target keys are renamed; a second run, or one racing another process, finds
 * nothing to do (the unique (touchpoint, version) index keeps one version 1). Returns how many it wrote.
 */
export async function seedFirstStandardVersions(): Promise<number> {
  const versioned = new Set<string>(await StandardVersionModel.distinct('touchpoint'));
  const touchpoints = await TouchpointModel.find({}, { key: 1, target: 1, createdAt: 1 }).lean();
  let written = 0;
  for (const touchpoint of touchpoints) {
    if (versioned.has(touchpoint.key)) continue;
    try {
      await StandardVersionModel.create({
        touchpoint: touchpoint.key,
        version: 1,
        commitments: [],
        target: touchpoint.target ?? {},
        slaPolicy: null,
        effectiveFrom: touchpoint.createdAt ?? new Date(0),
        createdBy: null,
        reason: null,
        source: 'migration',
      });
      written += 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return written;
}
