import mongoose, { type ClientSession } from 'mongoose';
import { extractMetricAnswers } from '@shared/scoring/metric-answers';
import { statsIncrements } from '@shared/scoring/response-stats';
import type { SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { ResponseModel } from '../responses/response.model';
import { markFolded } from '../responses/response.service';
import { cachedPublishedDefinition } from '../surveys/survey-cache';
import { BucketIncrements, FOLD_PROJECTION, type FoldableResponse } from './bucket-increments';
import { bumpRollupEpoch } from './rollup-cache';
import { ThemeIncrements, tagResponse } from './theme-fold.service';
import { currentThemeTagger } from '../themes/theme.service';

/** `$inc` paths of one response under `stats.`, with the definition of the version it answered. */
export async function responseIncrements(response: FoldableResponse, sign: 1 | -1): Promise<Record<string, number>> {
  const definition = await cachedPublishedDefinition(response.surveyId.toString(), response.version);
  // A response only exists for a published version, and published versions are never deleted.
  if (!definition) throw new Error(`survey ${response.surveyId.toString()} has no published version ${response.version}`);
  const answers = (response.answers ?? {}) as Record<string, unknown>;
  return statsIncrements(extractMetricAnswers(definition as SurveyDefinitionJson, answers), sign);
}

/** Another fold took some of these responses first (possible only if the lock's lease ran out). */
class FoldRace extends Error {}

/**
 * Folds up to `batchSize` pending responses: in one transaction each is flipped from
 * `pending` to `folded` and its increments are added, so a response is counted exactly once even if
 * two workers fold the same batch (the loser's flip matches fewer documents and it aborts).
 * Returns how many pending responses it found (0: nothing left).
 */
export async function foldPendingBatch(batchSize: number, session?: ClientSession): Promise<number> {
  const batch = await ResponseModel.find({ foldState: 'pending' }, FOLD_PROJECTION).limit(batchSize).lean<FoldableResponse[]>();
  if (batch.length === 0) return 0;
  const increments = new BucketIncrements();
  const themes = new ThemeIncrements();
  const tagger = await currentThemeTagger();
  for (const response of batch) {
    const responseInc = await responseIncrements(response, 1);
    const tags = await tagResponse(response, tagger);
    increments.add(response, responseInc);
    themes.add(response, tags, responseInc);
    themes.tag(response, tags);
  }
  const ids = batch.map((response) => response._id);
  try {
    const fold = async (txn: ClientSession) => {
      if ((await markFolded(ids, txn)) !== ids.length) throw new FoldRace();
      await increments.write(txn);
      await themes.writeAll(txn);
    };
    await (session ? session.withTransaction(() => fold(session)) : mongoose.connection.transaction(fold));
  } catch (error) {
    if (error instanceof FoldRace) return batch.length; // read again: what is still pending gets folded
    throw error;
  }
  if (increments.touchesClosedPeriod()) await bumpRollupEpoch();
  return ids.length;
}

/** A response as the scores consumer sees it change: what the fold reads, whether it was counted yet, and its tags. */
export type CountedResponse = FoldableResponse & { foldState?: string | null; themes?: string[] | null };

/**
 * Takes deleted responses out of the rollups, in the deleting transaction: those already folded get
 * their increments subtracted (with the same definition and buckets they were folded with).
 */
export async function subtractFolded(responses: readonly CountedResponse[], session: ClientSession): Promise<void> {
  const increments = new BucketIncrements();
  const themes = new ThemeIncrements();
  for (const response of responses) {
    if (response.foldState !== 'folded') continue;
    const responseInc = await responseIncrements(response, -1);
    increments.add(response, responseInc);
    themes.add(response, response.themes, responseInc);
  }
  await increments.write(session);
  await themes.write(session);
}

/**
 * Moves anonymised responses' counts, in the anonymising transaction: a folded response is subtracted
 * as it was and added as it is now (no segment, no free text), so the rollups always equal a rebuild.
 */
export async function refoldChanged(changes: readonly { before: CountedResponse; after: FoldableResponse }[], session: ClientSession): Promise<void> {
  const increments = new BucketIncrements();
  const themes = new ThemeIncrements();
  const tagger = await currentThemeTagger();
  for (const { before, after } of changes) {
    if (before.foldState !== 'folded') continue;
    const [beforeInc, afterInc, afterTags] = [await responseIncrements(before, -1), await responseIncrements(after, 1), await tagResponse(after, tagger)];
    increments.add(before, beforeInc);
    increments.add(after, afterInc);
    themes.add(before, before.themes, beforeInc);
    themes.add(after, afterTags, afterInc);
    themes.tag(after, afterTags);
  }
  await increments.write(session);
  await themes.writeAll(session);
}
