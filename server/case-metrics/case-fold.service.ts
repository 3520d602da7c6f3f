import mongoose, { type ClientSession, type Types } from 'mongoose';
import { REPEAT_WINDOW_MS, caseFacts, latestEarlierOpening, type CaseFacts } from '@shared/cases/case-facts';
import { caseIncrements } from '@shared/scoring/case-stats';
import { CaseModel } from '../cases/case.model';
import { isDuplicateKey } from '../lib/mongo-errors';
import { ALL, NONE, GRAINS } from '../scores/rollup.model';
import { CaseFoldModel } from './case-fold.model';
import { CaseRollupModel, caseRollupKeys, type CaseBucketDimensions } from './case-rollup.model';

/** What the fold reads of a case. */
export interface FoldableCase {
  number: number;
  createdAt: Date;
  timeline: Array<{ at: Date; kind: string; data: Record<string, unknown> }>;
  contactId: Types.ObjectId | null;
  category: string | null;
  touchpoint: string;
  channel: string;
  segment: string;
  /** Set by the resolution feedback (customer emails); absent until then. */
  handlingCsat?: number | null;
}
export const CASE_FOLD_PROJECTION = { number: 1, createdAt: 1, timeline: 1, contactId: 1, category: 1, touchpoint: 1, channel: 1, segment: 1, handlingCsat: 1 } as const;

/** Where a case's facts count: the UTC day it was opened, its touchpoint, channel, segment and category. */
export interface CaseDims {
  day: string;
  touchpoint: string;
  channel: string;
  segment: string;
  category: string;
}

/**
 * A case's facts all count on the day it was opened (a cohort), however late they become known: a
 * period's figures describe the cases received in it — the standard measures from receipt — and a
 * refold never moves counts between days.
 */
export const dimsOf = (c: FoldableCase): CaseDims => ({
  day: c.createdAt.toISOString().slice(0, 10),
  touchpoint: c.touchpoint,
  channel: c.channel,
  segment: c.segment,
  category: c.category ?? NONE,
});

type CaseBucket = CaseBucketDimensions & { period: string; series: string; slice: string };

/** The 16 buckets of a case: day and month × its channel, segment and category, each also pooled. */
export function caseBucketsOf(dims: CaseDims): CaseBucket[] {
  const out: CaseBucket[] = [];
  for (const grain of GRAINS) {
    const period = grain === 'day' ? dims.day : dims.day.slice(0, 7);
    for (const channel of [dims.channel, ALL])
      for (const segment of [dims.segment, ALL])
        for (const category of [dims.category, ALL]) {
          const key = { grain, touchpoint: dims.touchpoint, channel, segment, category };
          out.push({ ...key, period, ...caseRollupKeys(key) });
        }
  }
  return out;
}

export const caseBucketId = (key: { series: string; period: string }) => `${key.series}|${key.period}`;

/** `$inc` of many cases per bucket, so a fold or a rebuild writes each bucket once. */
export class CaseBucketIncrements {
  readonly buckets = new Map<string, { key: CaseBucket; inc: Record<string, number> }>();

  add(dims: CaseDims, increments: Record<string, number>): void {
    for (const key of caseBucketsOf(dims)) {
      const id = caseBucketId(key);
      let bucket = this.buckets.get(id);
      if (!bucket) this.buckets.set(id, (bucket = { key, inc: {} }));
      for (const [path, value] of Object.entries(increments)) bucket.inc[path] = (bucket.inc[path] ?? 0) + value;
    }
  }

  async write(session: ClientSession): Promise<void> {
    const operations = [...this.buckets.values()].flatMap(({ key, inc }) => {
      const $inc = Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0).map(([path, v]) => [`stats.${path}`, v]));
      return Object.keys($inc).length === 0 ? [] : [{ updateOne: { filter: key, update: { $inc }, upsert: true } }];
    });
    if (operations.length > 0) await CaseRollupModel.bulkWrite(operations, { ordered: false, session });
  }
}

/** Other cases of the same contact and category opened up to 30 days before `c` (repeat issues). */
async function previousOpeningOf(c: FoldableCase): Promise<Date | null> {
  if (!c.contactId || !c.category) return null;
  const others = await CaseModel.find(
    { contactId: c.contactId, category: c.category, number: { $ne: c.number }, createdAt: { $gte: new Date(c.createdAt.getTime() - REPEAT_WINDOW_MS), $lte: c.createdAt } },
    { number: 1, createdAt: 1 },
  ).lean();
  return latestEarlierOpening({ number: c.number, openedAt: c.createdAt }, others.map((o) => ({ number: o.number, openedAt: o.createdAt })));
}

/** The facts of a case at `now`, with the earlier openings it is compared with (from the store, or given by a rebuild). */
export const factsOf = (c: FoldableCase, previousOpenedAt: Date | null, now: Date): CaseFacts =>
  caseFacts({ openedAt: c.createdAt, timeline: c.timeline, handlingCsat: c.handlingCsat ?? null, previousOpenedAt }, now);

/** The fold document of a case as it will be stored. */
export const foldFields = (c: FoldableCase, facts: CaseFacts) => ({
  dims: dimsOf(c),
  facts,
  contactId: c.contactId?.toString() ?? null,
  category: c.category ?? null,
  fcrDecidesAt: facts.fcrDecidesAt,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Another fold of the same case won (possible only if the lock's lease ran out); this one reads again. */
class CaseFoldRace extends Error {}

export interface CaseFoldResult {
  changed: boolean;
  fcrDecidesAt: Date | null;
}

/**
 * Brings the case rollups in line with case `number` as stored now: what its fold document says it
 * added is subtracted and its current facts added, in one transaction with the conditional swap of
 * that document. Idempotent and order-free: every call reads the case as it is, so a retried or late
 * event changes nothing. A deleted case is taken out. When its contact or category changed, the
 * contact's later cases are refolded too (whether they repeat this one may have changed).
 */
export async function refoldCase(number: number, now: Date): Promise<CaseFoldResult> {
  return (await refoldCases([number], now)).get(number)!;
}

/**
 * refoldCase for several cases at once: their cases and fold documents read in two queries, every swap
 * and every bucket written in one transaction, so the buckets cases share (a day, a touchpoint) are
 * written once for all of them. Folding a backlog in batches is what lets the folds keep up with a
 * burst of case changes (bench:cases). One race (a swap that lost) reads the whole batch again.
 */
export async function refoldCases(numbers: readonly number[], now: Date): Promise<Map<number, CaseFoldResult>> {
  for (let attempt = 0; ; attempt += 1) {
    const [docs, folds] = await Promise.all([
      CaseModel.find({ number: { $in: numbers } }, CASE_FOLD_PROJECTION).lean<FoldableCase[]>(),
      CaseFoldModel.find({ number: { $in: numbers } }).lean(),
    ]);
    const docOf = new Map(docs.map((doc) => [doc.number, doc]));
    const foldOf = new Map(folds.map((fold) => [fold.number, fold]));
    const previous = await Promise.all(numbers.map((number) => (docOf.has(number) ? previousOpeningOf(docOf.get(number)!) : null)));
    const results = new Map<number, CaseFoldResult>();
    const increments = new CaseBucketIncrements();
    const swaps: Array<Parameters<typeof CaseFoldModel.bulkWrite>[0][number]> = [];
    let updates = 0;
    let deletes = 0;
    const refoldLater: Array<{ doc: FoldableCase; fold: { contactId?: string | null; category?: string | null } }> = [];
    numbers.forEach((number, i) => {
      const doc = docOf.get(number);
      const fold = foldOf.get(number);
      const fields = doc ? foldFields(doc, factsOf(doc, previous[i] ?? null, now)) : null;
      if (!fold && !fields) return results.set(number, { changed: false, fcrDecidesAt: null });
      if (fold && fields && same(fold.dims, fields.dims) && same(fold.facts, fields.facts)) return results.set(number, { changed: false, fcrDecidesAt: fields.fcrDecidesAt });
      if (fold) increments.add(fold.dims as CaseDims, caseIncrements(fold.facts as CaseFacts, -1));
      if (fields) increments.add(fields.dims, caseIncrements(fields.facts, 1));
      if (fold && fields) {
        swaps.push({ updateOne: { filter: { number, rev: fold.rev }, update: { $set: fields, $inc: { rev: 1 } } } });
        updates += 1;
      } else if (fold) {
        swaps.push({ deleteOne: { filter: { number, rev: fold.rev } } });
        deletes += 1;
      } else {
        swaps.push({ insertOne: { document: { number, rev: 0, ...fields } } });
      }
      if (fold && doc && (fold.contactId !== (doc.contactId?.toString() ?? null) || fold.category !== (doc.category ?? null))) refoldLater.push({ doc, fold });
      results.set(number, { changed: true, fcrDecidesAt: fields?.fcrDecidesAt ?? null });
    });
    if (swaps.length === 0) return results;
    try {
      await mongoose.connection.transaction(async (session) => {
        const written = await CaseFoldModel.bulkWrite(swaps, { ordered: true, session });
        // A swap that matched nothing lost to another fold of that case: the batch reads again.
        if (written.modifiedCount !== updates || written.deletedCount !== deletes) throw new CaseFoldRace();
        await increments.write(session);
      });
    } catch (error) {
      if ((error instanceof CaseFoldRace || isDuplicateKey(error)) && attempt < 5) continue;
      throw error;
    }
    for (const { doc, fold } of refoldLater) {
      await refoldLaterCasesOf([{ contactId: fold.contactId ?? null, category: fold.category ?? null }, { contactId: doc.contactId?.toString() ?? null, category: doc.category }], doc.createdAt, now);
    }
    return results;
  }
}

async function refoldLaterCasesOf(keys: Array<{ contactId: string | null; category: string | null }>, openedAt: Date, now: Date): Promise<void> {
  for (const { contactId, category } of keys) {
    if (!contactId || !category) continue;
    const later = await CaseModel.find({ contactId, category, createdAt: { $gte: openedAt, $lte: new Date(openedAt.getTime() + REPEAT_WINDOW_MS) } }, { number: 1 }).lean();
    for (const c of later) await refoldCase(c.number, now);
  }
}

/** Refolds cases whose FCR decides by `now` (7 days after resolution, no reopen); returns how many. */
export async function refoldDecidingCases(now: Date, limit = 500): Promise<number> {
  const due = await CaseFoldModel.find({ fcrDecidesAt: { $ne: null, $lte: now } }, { number: 1 }).sort({ fcrDecidesAt: 1 }).limit(limit).lean();
  for (const fold of due) await refoldCase(fold.number, now);
  return due.length;
}
