import { ObjectId } from 'bson';
import type { Document } from 'bson';
import fc from 'fast-check';
import { Query, update as mingoUpdate } from 'mingo';
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog';
import type { StoreState } from './commands/context';
import { runCommand } from './commands/dispatch';
import { CursorRegistry } from './cursors';
import { SessionRegistry } from './transactions';

// Random documents × random filters and updates from a grammar of operators whose meaning mingo
// gets right, run through the store's command layer (filter fast paths, the index planner, the
// store's own operators) and compared with plain mingo as the reference. Where MongoDB rejects,
// the store must reject whatever the data. Fixed seed and bounded runs: the same cases every time.

const SEED = 1515;
const RUNS = 250;

let state: StoreState;

function freshStore(): StoreState {
  return { catalog: new Catalog(), sessions: new SessionRegistry(), cursors: new CursorRegistry(), me: 'test:0', electionId: new ObjectId(), startedAt: new Date() };
}

const command = (body: Document) => runCommand(state, { ...body, $db: 'props' }, 1);

const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'y', 'z'), fc.constant(null), fc.boolean());
const doc = fc.record(
  {
    a: fc.oneof(scalar, fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 })),
    b: fc.oneof(fc.record({ c: fc.integer({ min: -3, max: 3 }) }), fc.array(fc.record({ c: fc.integer({ min: -3, max: 3 }) }), { maxLength: 3 })),
    n: fc.integer({ min: -5, max: 5 }),
    s: fc.constantFrom('p', 'q', 'r'),
    tags: fc.array(fc.constantFrom('t1', 't2', 't3'), { maxLength: 3 }),
  },
  { requiredKeys: ['n', 's', 'tags'] },
);
// fast-check builds null-prototype records; documents off the wire are plain objects.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const docs = fc.array(doc, { maxLength: 12 }).map((list) => plain(list.map((d, i) => ({ _id: i, ...d }))));

const field = fc.constantFrom('a', 'b.c', 'n', 's', 'nope');
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'p'));
const condition: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.record({ $eq: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $gt: value }),
  fc.record({ $gte: value }),
  fc.record({ $lt: value, $gte: value }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $nin: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $exists: fc.boolean() }),
  fc.record({ $size: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ $not: fc.record({ $gt: value }) }),
);
const clause = fc.tuple(field, condition).map(([f, c]) => ({ [f]: c }));
const filter: fc.Arbitrary<Document> = fc.oneof<fc.Arbitrary<Document>[]>(
  fc.constant({}),
  clause,
  fc.tuple(clause, clause).map(([x, y]) => ({ ...x, ...y })),
  fc.array(clause, { minLength: 1, maxLength: 3 }).map((list) => ({ $or: list })),
  fc.array(clause, { minLength: 1, maxLength: 3 }).map((list) => ({ $and: list })),
  fc.array(clause, { minLength: 1, maxLength: 2 }).map((list) => ({ $nor: list })),
  fc.record({ tags: fc.record({ $all: fc.array(fc.constantFrom('t1', 't2', 't3'), { minLength: 1, maxLength: 2 }) }) }),
  fc.record({ b: fc.record({ $elemMatch: fc.record({ c: fc.record({ $gte: fc.integer({ min: -3, max: 3 }) }) }) }) }),
).map(plain);

async function load(list: Document[], indexed: boolean): Promise<void> {
  state = freshStore();
  if (indexed) await command({ createIndexes: 'c', indexes: [{ key: { a: 1 }, name: 'a_1' }, { key: { s: 1, n: 1 }, name: 's_1_n_1' }] });
  if (list.length > 0) expect((await command({ insert: 'c', documents: structuredClone(list) })).n).toBe(list.length);
}

async function storeFind(query: Document): Promise<Document> {
  return command({ find: 'c', filter: query, sort: { _id: 1 }, batchSize: 1000 });
}

describe('the store agrees with mingo on a grammar of supported operators', () => {
  it('finds and counts the documents mingo matches, with and without indexes', async () => {
    await fc.assert(
      fc.asyncProperty(docs, filter, fc.boolean(), async (list, query, indexed) => {
        await load(list, indexed);
        const expected = new Query(query, { useStrictMode: true }).find<Document>(structuredClone(list)).all().map((d) => d._id);
        const reply = await storeFind(query);
        expect(reply.ok, JSON.stringify(reply)).toBe(1);
        expect((reply.cursor.firstBatch as Document[]).map((d) => d._id)).toEqual(expected);
        expect((await command({ count: 'c', query })).n).toBe(expected.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('rejects an unknown operator with 2 whatever the data, as mingo rejects it', async () => {
    const bad = fc.tuple(field, fc.constantFrom('$nope', '$gtx', '$inn')).map(([f, op]) => plain({ [f]: { [op]: 1 } }));
    await fc.assert(
      fc.asyncProperty(docs, bad, async (list, query) => {
        await load(list, false);
        expect(() => new Query(query, { useStrictMode: true })).toThrow();
        expect(await storeFind(query)).toMatchObject({ ok: 0, code: 2 });
        expect(await command({ delete: 'c', deletes: [{ q: query, limit: 0 }] })).toMatchObject({ ok: 1, writeErrors: [{ code: 2 }] });
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

const update: fc.Arbitrary<Document> = fc.oneof(
  fc.record({ $set: fc.record({ a: scalar }, { requiredKeys: [] }) }),
  fc.record({ $set: fc.record({ 'x.y': value }) }),
  fc.record({ $inc: fc.record({ n: fc.integer({ min: -2, max: 2 }) }) }),
  fc.record({ $max: fc.record({ n: fc.integer({ min: -5, max: 5 }) }) }),
  fc.record({ $unset: fc.record({ s: fc.constant('') }) }),
  fc.record({ $push: fc.record({ tags: fc.constantFrom('t1', 't4') }) }),
  fc.record({ $addToSet: fc.record({ tags: fc.constantFrom('t1', 't4') }) }),
  fc.record({ $pull: fc.record({ tags: fc.constantFrom('t1', 't2') }) }),
  fc.record({ $set: fc.record({ s: fc.constantFrom('p', 'z') }), $inc: fc.record({ n: fc.constant(1) }) }),
  // A case change: fields set and a timeline entry pushed; a fired timer: a key added to a set, an entry pushed.
  fc.record({ $set: fc.record({ s: fc.constantFrom('p', 'z'), 'x.y': value }, { requiredKeys: [] }), $push: fc.record({ log: fc.record({ at: fc.integer(), by: fc.constantFrom(null, 'u1'), data: fc.record({ k: scalar }) }) }) }),
  fc.record({ $addToSet: fc.record({ tags: fc.constantFrom('t1', 't4'), 'x.keys': fc.constantFrom('k1', 'k2') }, { requiredKeys: [] }), $push: fc.record({ 'x.log': value }, { requiredKeys: [] }) }),
  fc.record({ $push: fc.record({ tags: fc.constantFrom<unknown>(['t1'], { t: 1 }, 7) }) }),
  fc.record({ $addToSet: fc.record({ tags: fc.constantFrom<unknown>(1, { t: 1 }, ['t1'], { $each: ['t4', 't1', 't4'] }, { $each: [] }) }) }),
).map(plain);
// mingo's $addToSet rebuilds the array as a set, so it is wrong on an array already holding a
// duplicate (update-engine.test.ts pins MongoDB's answer there); the comparison uses arrays without.
const setLikeDocs = docs.map((list) => list.map((d) => ({ ...d, tags: [...new Set(d.tags as string[])] })));

describe('updates agree with mingo where mingo is right, and fail where MongoDB fails', () => {
  it('updateMany leaves every document as mingo would', async () => {
    await fc.assert(
      fc.asyncProperty(setLikeDocs, filter, update, fc.boolean(), async (list, query, modifier, indexed) => {
        await load(list, indexed);
        const expected = structuredClone(list);
        const matcher = new Query(query, { useStrictMode: true });
        for (const d of expected) if (matcher.test(d)) mingoUpdate(d, modifier as never, undefined, undefined, { cloneMode: 'none' });
        const reply = await command({ update: 'c', updates: [{ q: query, u: modifier, multi: true }] });
        expect(reply.writeErrors, JSON.stringify(reply)).toBeUndefined();
        expect((await storeFind({})).cursor.firstBatch).toEqual(expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('an update of the wrong type fails and changes nothing', async () => {
    const wrong = fc.constantFrom<[Document, number]>(
      [{ $inc: { s: 1 } }, 14],
      [{ $push: { s: 'v' } }, 2],
      [{ $addToSet: { s: 'v' } }, 2],
      [{ $set: { s: 'p' }, $push: { s: 'v' } }, 40],
      [{ $set: { 's.t': 1 } }, 28],
      [{ $pop: { n: 1 } }, 14],
      [{ $set: { n: 1 }, $inc: { n: 1 } }, 40],
    );
    await fc.assert(
      fc.asyncProperty(docs.filter((list) => list.length > 0), wrong, async (list, [modifier, code]) => {
        await load(list, false);
        const reply = await command({ update: 'c', updates: [{ q: {}, u: modifier, multi: true }] });
        expect(reply.writeErrors?.[0]?.code).toBe(code);
        expect((await storeFind({})).cursor.firstBatch).toEqual(list);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

// A sorted find with a limit may walk an index on the sort field and stop early; its answer must be
// the head of the full sorted answer (ties at the boundary included) whatever the data, and stay so
// after updates move documents within the index's sorted view.
describe('a sorted, limited find is the head of the full sorted answer', () => {
  const sortedFind = async (query: Document, sort: Document, skip: number, limit: number) => {
    const reply = await command({ find: 'c', filter: query, sort, skip, limit, batchSize: 1000 });
    expect(reply.ok, JSON.stringify(reply)).toBe(1);
    return (reply.cursor.firstBatch as Document[]).map((d) => d._id);
  };
  const headOfAll = async (query: Document, sort: Document, skip: number, limit: number) => (await sortedFind(query, sort, 0, 0)).slice(skip, skip + limit);
  const indexes = [{ key: { n: 1 }, name: 'n_1' }, { key: { s: 1 }, name: 's_1' }, { key: { a: -1 }, name: 'a_-1' }];

  it('on random documents, before and after an update', async () => {
    const sort = fc.constantFrom<Document>({ n: 1 }, { n: -1 }, { s: 1 }, { s: -1 }, { a: 1 }, { a: -1 });
    await fc.assert(
      fc.asyncProperty(docs, filter, update, sort, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 }), async (list, query, modifier, order, skip, limit) => {
        state = freshStore();
        await command({ createIndexes: 'c', indexes });
        if (list.length > 0) await command({ insert: 'c', documents: structuredClone(list) });
        expect(await sortedFind(query, order, skip, limit)).toEqual(await headOfAll(query, order, skip, limit));
        await command({ update: 'c', updates: [{ q: {}, u: modifier, multi: true }] });
        await command({ insert: 'c', documents: [{ _id: 100, n: 0, s: 'q', tags: [] }] });
        expect(await sortedFind(query, order, skip, limit)).toEqual(await headOfAll(query, order, skip, limit));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('with many index candidates and many ties, after keys move and records come and go', async () => {
    const random = mulberry(7);
    state = freshStore();
    await command({ createIndexes: 'c', indexes: [{ key: { n: -1, team: 1 }, name: 'n_-1_team_1' }, { key: { team: 1, n: -1 }, name: 'team_1_n_-1' }] });
    await command({ insert: 'c', documents: Array.from({ length: 3000 }, (_, i) => ({ _id: i, n: Math.floor(random() * 500), team: `t${i % 3}`, open: random() < 0.5 })) });
    const queries: Document[] = [
      {}, { team: 't1' }, { team: { $in: ['t0', 't2'] }, open: true }, { $or: [{ team: 't0' }, { open: false }] },
      { n: { $lt: 300 } }, { n: { $gt: 100, $lte: 200 }, team: 't0' }, { n: { $in: [250, 7, 499] } }, { $and: [{ n: { $gte: 480 } }, { open: true }] },
    ];
    const check = async () => {
      for (const query of queries) {
        for (const order of [{ n: -1 }, { n: 1 }]) {
          for (const [skip, limit] of [[0, 1], [0, 51], [40, 10]] as const) {
            expect(await sortedFind(query, order, skip, limit)).toEqual(await headOfAll(query, order, skip, limit));
          }
        }
      }
    };
    await check();
    for (let round = 0; round < 5; round++) {
      await command({ update: 'c', updates: Array.from({ length: 200 }, () => ({ q: { _id: Math.floor(random() * 3000) }, u: { $set: { n: Math.floor(random() * 600), open: random() < 0.5 } } })) });
      await command({ delete: 'c', deletes: Array.from({ length: 50 }, () => ({ q: { _id: Math.floor(random() * 3000) }, limit: 1 })) });
      await command({ insert: 'c', documents: Array.from({ length: 50 }, (_, i) => ({ _id: 10_000 + round * 100 + i, n: Math.floor(random() * 700), team: 't1', open: true })) });
      await check();
    }
  });
});

// Candidates narrowed by one index are pruned by the ranges other indexes hold, without decoding
// (the inbox's "due soon": a team's cases with warnAt <= now < dueAt). Every answer must still be
// mingo's, also after keys move, records go, null and missing values come in and an index turns multikey.
describe('pruning candidates by other indexes keeps every match', () => {
  const instant = fc.integer({ min: 0, max: 20 }).map((minute) => new Date(Date.UTC(2026, 11, 4, 9, minute)));
  const clock = fc.oneof(instant, instant, instant, fc.constant(null), fc.integer({ min: 0, max: 3 }));
  // Spread: fast-check builds null-prototype records, documents off the wire are plain objects.
  const record = fc.record({ team: fc.constantFrom('t0', 't1', 't2'), n: fc.integer({ min: 0, max: 40 }), warnAt: clock, dueAt: clock }, { requiredKeys: ['team', 'n'] }).map((r) => ({ ...r }) as Document);
  const bound = fc.tuple(fc.constantFrom('$lt', '$lte', '$gt', '$gte'), instant).map(([op, at]) => ({ [op]: at }));
  const query = fc.record(
    { team: fc.oneof(fc.constantFrom('t0', 't1'), fc.record({ $in: fc.constant(['t0', 't2']) })), warnAt: bound, dueAt: bound, n: fc.record({ $lt: fc.integer({ min: 0, max: 40 }) }) },
    { requiredKeys: [] },
  ).map((q) => ({ ...q }) as Document);
  const indexes = [{ key: { team: 1, n: -1 }, name: 'team_1_n_-1' }, { key: { n: 1 }, name: 'n_1' }, { key: { dueAt: 1 }, name: 'dueAt_1' }, { key: { warnAt: 1 }, name: 'warnAt_1' }];
  const ids = async (body: Document) => {
    const reply = await command({ find: 'c', batchSize: 1000, ...body });
    expect(reply.ok, JSON.stringify(reply)).toBe(1);
    return (reply.cursor.firstBatch as Document[]).map((d) => d._id);
  };
  const expected = (list: Document[], q: Document) => new Query(q, { useStrictMode: true }).find<Document>(list).all().map((d) => d._id);

  it('before and after the indexed values change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 400 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), record), { maxLength: 60 }), fc.boolean(), async (records, queries, moves, multikey) => {
        state = freshStore();
        await command({ createIndexes: 'c', indexes });
        const list: Document[] = records.map((r, i) => ({ _id: i, ...r }));
        await command({ insert: 'c', documents: structuredClone(list) });
        const check = async () => {
          for (const q of queries) {
            const all = expected(list.toSorted((a, b) => b.n - a.n || a._id - b._id), q);
            expect(await ids({ filter: q, sort: { _id: 1 } })).toEqual(expected(list, q));
            // The sorted head: ties in n are in no defined order, so compare as sets up to the last n.
            const head = await ids({ filter: q, sort: { n: -1 }, limit: 5 });
            expect(head.length).toBe(Math.min(5, all.length));
            const boundary = list.find((d) => d._id === all[Math.min(5, all.length) - 1])?.n;
            expect(new Set(head)).toEqual(new Set(all.filter((id) => list.find((d) => d._id === id)!.n > boundary || head.includes(id))));
          }
        };
        await check();
        for (const [at, next] of moves) {
          const target = list[at % list.length]!;
          Object.assign(target, next);
          for (const key of ['warnAt', 'dueAt'] as const) if (!(key in next)) delete target[key];
          await command({ update: 'c', updates: [{ q: { _id: target._id }, u: structuredClone(target) }] });
        }
        const gone = list.splice(0, Math.floor(list.length / 10));
        if (gone.length > 0) await command({ delete: 'c', deletes: [{ q: { _id: { $in: gone.map((d) => d._id) } }, limit: 0 }] });
        if (multikey && list.length > 0) {
          list[0]!.dueAt = [new Date(Date.UTC(2026, 11, 4, 9, 1)), new Date(Date.UTC(2026, 11, 4, 9, 19))];
          await command({ update: 'c', updates: [{ q: { _id: list[0]!._id }, u: { $set: { dueAt: list[0]!.dueAt } } }] });
        }
        await check();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/** A small seeded generator, so the bulk case is the same every run. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
