import type { ResponseConsumer } from '../responses/response-events';
import { requestFold } from './fold-trigger';
import { refoldChanged, subtractFolded } from './fold.service';
import { bumpRollupEpoch } from './rollup-cache';

/**
 * The scores follow every response: a stored one is folded into the rollups soon (the fold counts
 * it once however often it is asked for); a deleted or anonymised one is taken out or moved in the
 * same transaction; after either, readers' caches drop what they held.
 */
export const scoresConsumer: ResponseConsumer = {
  name: 'scores',
  stored: (ctx) => requestFold(ctx),
  deleted: subtractFolded,
  anonymised: refoldChanged,
  committed: bumpRollupEpoch,
};
