import { REPEAT_WINDOW_MS, latestEarlierOpening } from '@shared/cases/case-facts';
import { caseIncrements, caseStatsSchema, type CaseStats } from '@shared/scoring/case-stats';
import { countersTree } from '@shared/scoring/rollup-stats';
import type { AppContext } from '../app-context';
import { CaseModel } from '../cases/case.model';
import { withCaseFoldLock } from './case-fold.job';
import { CaseFoldModel } from './case-fold.model';
import { CASE_FOLD_PROJECTION, CaseBucketIncrements, caseBucketId, factsOf, foldFields, type FoldableCase } from './case-fold.service';
import { CaseRollupModel } from './case-rollup.model';

const WRITE_CHUNK = 1000;

export interface CaseRebuildReport {
  cases: number;
  buckets: number;
  removed: number;
}

/**
 * Recomputes the case rollups and fold documents from the stored cases, with their facts read at `now`
 * (`npm run cases:rebuild-metrics`). Holds the case-rollup lock throughout, so no fold interleaves.
 * Because every counter is an integer and the fold computes the same facts, the result equals the
 * incremental rollups once the folds asked for by `now` have run (FCR decisions included).
 */
export async function rebuildCaseRollups(ctx: Pick<AppContext, 'config' | 'redis'>, now = new Date()): Promise<CaseRebuildReport> {
  return withCaseFoldLock(ctx, async () => {
    // Openings per contact and category first: whether a case repeats one depends on the others.
    const openings = new Map<string, Array<{ number: number; openedAt: Date }>>();
    const keyOf = (c: { contactId?: unknown; category?: string | null }) => (c.contactId && c.category ? `${String(c.contactId)}|${c.category}` : null);
    for await (const c of CaseModel.find({ contactId: { $ne: null }, category: { $ne: null } }, { number: 1, contactId: 1, category: 1, createdAt: 1 }).lean().cursor()) {
      const key = keyOf(c);
      if (!key) continue;
      const list = openings.get(key);
      if (list) list.push({ number: c.number, openedAt: c.createdAt });
      else openings.set(key, [{ number: c.number, openedAt: c.createdAt }]);
    }
    const increments = new CaseBucketIncrements();
    const folds: Array<ReturnType<typeof foldFields> & { number: number }> = [];
    for await (const raw of CaseModel.find({}, CASE_FOLD_PROJECTION).lean().cursor({ batchSize: 500 })) {
      const c = raw as unknown as FoldableCase;
      const key = keyOf(c);
      const window = (key ? openings.get(key) : undefined)?.filter((o) => c.createdAt.getTime() - o.openedAt.getTime() <= REPEAT_WINDOW_MS) ?? [];
      const facts = factsOf(c, latestEarlierOpening({ number: c.number, openedAt: c.createdAt }, window), now);
      const fields = foldFields(c, facts);
      increments.add(fields.dims, caseIncrements(facts, 1));
      folds.push({ number: c.number, ...fields });
    }
    const buckets = [...increments.buckets.values()];
    for (let i = 0; i < buckets.length; i += WRITE_CHUNK) {
      await CaseRollupModel.bulkWrite(
        buckets.slice(i, i + WRITE_CHUNK).map(({ key, inc }) => ({ updateOne: { filter: key, update: { $set: { stats: countersTree(inc) } }, upsert: true } })),
        { ordered: false },
      );
    }
    const stale: unknown[] = [];
    for await (const rollup of CaseRollupModel.find({}, { series: 1, period: 1 }).lean().cursor()) {
      if (!increments.buckets.has(caseBucketId(rollup))) stale.push(rollup._id);
    }
    for (let i = 0; i < stale.length; i += WRITE_CHUNK) await CaseRollupModel.deleteMany({ _id: { $in: stale.slice(i, i + WRITE_CHUNK) } });
    for (let i = 0; i < folds.length; i += WRITE_CHUNK) {
      await CaseFoldModel.bulkWrite(
        folds.slice(i, i + WRITE_CHUNK).map(({ number, ...fields }) => ({ updateOne: { filter: { number }, update: { $set: fields, $inc: { rev: 1 } }, upsert: true } })),
        { ordered: false },
      );
    }
    await CaseFoldModel.deleteMany({ number: { $nin: folds.map((f) => f.number) } });
    return { cases: folds.length, buckets: buckets.length, removed: stale.length };
  });
}

/** Every case rollup with cases in it, parsed (zeros filled), by bucket: what "rebuild equals incremental" compares. */
export async function caseRollupSnapshot(): Promise<Map<string, CaseStats>> {
  const out = new Map<string, CaseStats>();
  for await (const rollup of CaseRollupModel.find({}).lean().cursor()) {
    const stats = caseStatsSchema.parse(rollup.stats);
    if (stats.cases !== 0) out.set(caseBucketId(rollup), stats);
  }
  return out;
}

