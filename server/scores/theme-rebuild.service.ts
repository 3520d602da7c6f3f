import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import { ResponseModel } from '../responses/response.model';
import { currentThemeTagger } from '../themes/theme.service';
import { FOLD_PROJECTION, type FoldableResponse } from './bucket-increments';
import { withFoldLock } from './fold-lock';
import { responseIncrements } from './fold.service';
import { replaceRollups } from './rebuild.service';
import { ThemeIncrements, tagResponse, themeBucketId, type TaggedResponse } from './theme-fold.service';
import { ThemeRollupModel } from './theme-rollup.model';

const TAG_CHUNK = 1000;

export interface ThemeRebuildReport {
  /** The theme revision the tags follow now. */
  revision: number;
  responses: number;
  /** Responses whose stored tags changed. */
  retagged: number;
  buckets: number;
  removed: number;
}

/**
 * Re-tags every folded response with the current themes and recomputes the theme rollups from them,
 * holding the rollup lock (no fold interleaves, so the result equals folding them all again).
 * Idempotent: a second run finds every tag as it is and writes the same statistics.
 * `onProgress(done, total)` is called after each chunk of responses.
 */
export async function retagAndRebuildThemes(
  redis: Redis,
  prefix: string,
  onProgress: (done: number, total: number) => Promise<void> = async () => undefined,
): Promise<ThemeRebuildReport> {
  return withFoldLock(redis, prefix, async () => {
    const tagger = await currentThemeTagger();
    const total = await ResponseModel.countDocuments({ foldState: 'folded' });
    const increments = new ThemeIncrements();
    let pendingTags = new ThemeIncrements();
    let responses = 0;
    let retagged = 0;
    await onProgress(0, total);
    const cursor = ResponseModel.find({ foldState: 'folded' }, { ...FOLD_PROJECTION, themes: 1 }).lean<TaggedResponse[]>().cursor({ batchSize: TAG_CHUNK });
    for await (const doc of cursor) {
      const response = doc as TaggedResponse;
      const tags = await tagResponse(response, tagger);
      increments.add(response, tags, await responseIncrements(response as FoldableResponse, 1));
      if (JSON.stringify(tags) !== JSON.stringify(response.themes ?? null)) {
        pendingTags.tag(response, tags);
        retagged += 1;
      }
      responses += 1;
      if (responses % TAG_CHUNK === 0) {
        await pendingTags.writeTags(null);
        pendingTags = new ThemeIncrements();
        await onProgress(responses, total);
      }
    }
    await pendingTags.writeTags(null);
    const { buckets, removed } = await replaceRollups(ThemeRollupModel as unknown as Model<never>, increments, themeBucketId);
    await onProgress(responses, total);
    return { revision: tagger.revision, responses, retagged, buckets, removed };
  });
}
