import { appendFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import type { Collection, Db, Document, Long } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConformanceSession, serverError, spawnStore, tempDbpath } from './store-under-test';
import type { ConformanceSession, StoreUnderTest } from './store-under-test';

// Runs against the embedded store by default and, unchanged, against real MongoDB (a replica set,
// since transactions need one) when MONGODB_URI is set, so the two can be compared.

let session: ConformanceSession;
let target: StoreUnderTest;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  session = await openConformanceSession();
  ({ target, client, db } = session);
});

afterAll(async () => {
  await session?.close();
});

/** Documents whose _id is not an ObjectId (numbers, strings), as several cases use. */
type Loose = { _id: number | string; [field: string]: unknown };
const loose = (name: string): Collection<Loose> => db.collection<Loose>(name);

describe('handshake and admin commands', () => {
  it('answers hello, isMaster, ping, buildInfo and getParameter', async () => {
    const admin = client.db('admin');
    const hello = await admin.command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(typeof hello.logicalSessionTimeoutMinutes).toBe('number');
    expect((await admin.command({ isMaster: 1 })).ismaster).toBe(true);
    expect((await admin.command({ ping: 1 })).ok).toBe(1);
    const info = await admin.command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(Array.isArray(info.versionArray)).toBe(true);
    const parameter = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(parameter.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
  });

  it('lists databases and collections, creates and drops them', async () => {
    await db.createCollection('explicit');
    const exists = await serverError(db.createCollection('explicit'));
    expect(exists.code).toBe(48);
    expect(exists.codeName).toBe('NamespaceExists');
    await db.collection('implicit').insertOne({ a: 1 });
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(expect.arrayContaining(['explicit', 'implicit']));
    const onlyImplicit = await db.listCollections({ name: 'implicit' }, { nameOnly: true }).toArray();
    expect(onlyImplicit.map((c) => c.name)).toEqual(['implicit']);
    const databases = await client.db('admin').admin().listDatabases();
    expect(databases.databases.map((d) => d.name)).toContain(target.dbName);
    expect(await db.collection('explicit').drop()).toBe(true);
    expect((await db.listCollections({ name: 'explicit' }).toArray()).length).toBe(0);
  });

  it('drops a whole database', async () => {
    const other = client.db(`${target.dbName}_drop`);
    await other.collection('x').insertOne({ a: 1 });
    await other.dropDatabase();
    const databases = await client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(databases.databases.map((d) => d.name)).not.toContain(`${target.dbName}_drop`);
    expect(await other.collection('x').countDocuments()).toBe(0);
  });
});

describe('errors shaped like MongoDB', () => {
  it('reports CommandNotFound (59)', async () => {
    const error = await serverError(db.command({ definitelyNotACommand: 1 }));
    expect(error.code).toBe(59);
    expect(error.codeName).toBe('CommandNotFound');
  });

  it('reports BadValue (2) for an unknown query operator', async () => {
    await db.collection('errors').insertOne({ a: 1 });
    const error = await serverError(db.collection('errors').find({ a: { $notAnOperator: 1 } }).toArray());
    expect(error.code).toBe(2);
    expect(error.codeName).toBe('BadValue');
  });

  it('reports NamespaceNotFound (26) listing indexes of a missing collection', async () => {
    const error = await serverError(db.command({ listIndexes: 'never_created' }));
    expect(error.code).toBe(26);
    expect(error.codeName).toBe('NamespaceNotFound');
  });
});

describe('reads', () => {
  const docs = Array.from({ length: 250 }, (_, i) => ({ _id: i, n: i, group: i % 3, tag: `t${i % 5}`, nested: { v: 250 - i } }));

  beforeAll(async () => {
    await loose('reads').insertMany(docs);
  });

  it('finds with filter, projection, sort, skip and limit', async () => {
    const found = await db
      .collection('reads')
      .find({ group: 1, n: { $gte: 10 } }, { projection: { n: 1, 'nested.v': 1 } })
      .sort({ n: -1 })
      .skip(2)
      .limit(3)
      .toArray();
    expect(found).toEqual([
      { _id: 241, n: 241, nested: { v: 9 } },
      { _id: 238, n: 238, nested: { v: 12 } },
      { _id: 235, n: 235, nested: { v: 15 } },
    ]);
    const excluded = await loose('reads').findOne({ _id: 7 }, { projection: { nested: 0, tag: 0 } });
    expect(excluded).toEqual({ _id: 7, n: 7, group: 1 });
    const hinted = await loose('reads').find({ n: 3 }).hint({ _id: 1 }).toArray();
    expect(hinted.map((d) => d._id)).toEqual([3]);
  });

  it('streams a large result across getMore batches', async () => {
    const cursor = loose('reads').find({}, { batchSize: 20 }).sort({ _id: 1 });
    const ids: number[] = [];
    for await (const doc of cursor) ids.push(doc._id as number);
    expect(ids).toEqual(docs.map((d) => d._id));
    const raw = await db.command({ find: 'reads', filter: {}, batchSize: 5 });
    expect(raw.cursor.firstBatch).toHaveLength(5);
    const more = await db.command({ getMore: raw.cursor.id, collection: 'reads', batchSize: 7 });
    expect(more.cursor.nextBatch.map((d: Document) => d._id)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it('kills cursors', async () => {
    const raw = await db.command({ find: 'reads', filter: {}, batchSize: 2 });
    const id = raw.cursor.id as Long | number;
    expect(String(id)).not.toBe('0');
    const killed = await db.command({ killCursors: 'reads', cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    const error = await serverError(db.command({ getMore: id, collection: 'reads' }));
    expect(error.code).toBe(43);
  });

  it('counts and finds distinct values', async () => {
    expect(await loose('reads').countDocuments({ group: 0 })).toBe(84);
    expect(await loose('reads').estimatedDocumentCount()).toBe(250);
    expect((await db.command({ count: 'reads', query: { tag: 't1' } })).n).toBe(50);
    expect((await db.command({ count: 'reads', query: { group: 2 }, skip: 80, limit: 10 })).n).toBe(3);
    expect((await loose('reads').distinct('tag', { n: { $lt: 100 } })).sort()).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });
});

describe('writes', () => {
  it('updates one, many, with arrayFilters, and upserts with $setOnInsert', async () => {
    const items = db.collection('items');
    await items.insertMany([
      { sku: 'a', qty: 1, grades: [80, 95, 100] },
      { sku: 'b', qty: 2, grades: [90, 101] },
      { sku: 'c', qty: 3, grades: [] },
    ]);
    const one = await items.updateOne({ qty: { $gte: 2 } }, { $inc: { qty: 10 } });
    expect([one.matchedCount, one.modifiedCount]).toEqual([1, 1]);
    const many = await items.updateMany({}, { $set: { seen: true } });
    expect([many.matchedCount, many.modifiedCount]).toEqual([3, 3]);
    const noop = await items.updateMany({ sku: 'a' }, { $set: { seen: true } });
    expect([noop.matchedCount, noop.modifiedCount]).toEqual([1, 0]);
    await items.updateMany({}, { $set: { 'grades.$[big]': 100 } }, { arrayFilters: [{ big: { $gte: 100 } }] });
    expect((await items.findOne({ sku: 'b' }))?.grades).toEqual([90, 100]);
    await items.updateOne({ sku: 'a', grades: 95 }, { $set: { 'grades.$': 96 } });
    expect((await items.findOne({ sku: 'a' }))?.grades).toEqual([80, 96, 100]);

    const inserted = await items.updateOne(
      { sku: 'd', kind: { $eq: 'new' } },
      { $set: { qty: 4 }, $setOnInsert: { createdBy: 'upsert' } },
      { upsert: true },
    );
    expect(inserted.upsertedCount).toBe(1);
    expect(inserted.upsertedId).toBeInstanceOf(ObjectId);
    const d = await items.findOne({ _id: inserted.upsertedId! });
    expect(d).toMatchObject({ sku: 'd', kind: 'new', qty: 4, createdBy: 'upsert' });
    await items.updateOne({ sku: 'd' }, { $set: { qty: 5 }, $setOnInsert: { createdBy: 'second' } }, { upsert: true });
    expect(await items.findOne({ sku: 'd' }, { projection: { _id: 0, qty: 1, createdBy: 1 } })).toEqual({ qty: 5, createdBy: 'upsert' });

    const replaced = await items.replaceOne({ sku: 'c' }, { sku: 'c', replaced: true });
    expect(replaced.modifiedCount).toBe(1);
    expect(await items.findOne({ sku: 'c' }, { projection: { _id: 0 } })).toEqual({ sku: 'c', replaced: true });
    const immutable = await serverError(items.updateOne({ sku: 'c' }, { $set: { _id: 'other' } }));
    expect(immutable.code).toBe(66);
  });

  it('deletes one and many', async () => {
    const trash = db.collection('trash');
    await trash.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await trash.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await trash.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect(await trash.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ k: 2 }]);
  });

  it('findAndModify with new, upsert, remove, sort and fields', async () => {
    const queue = db.collection('queue');
    await queue.insertMany([
      { job: 'x', priority: 1, state: 'ready' },
      { job: 'y', priority: 5, state: 'ready' },
      { job: 'z', priority: 3, state: 'ready' },
    ]);
    const before = await queue.findOneAndUpdate({ state: 'ready' }, { $set: { state: 'taken' } }, { sort: { priority: -1 }, projection: { _id: 0, job: 1, state: 1 } });
    expect(before).toEqual({ job: 'y', state: 'ready' });
    const after = await queue.findOneAndUpdate({ state: 'ready' }, { $set: { state: 'taken' } }, { sort: { priority: -1 }, returnDocument: 'after' });
    expect(after).toMatchObject({ job: 'z', state: 'taken' });
    // The post-image is returned even though the update moved it out of the filter.
    const claimed = await queue.findOneAndUpdate({ state: 'ready' }, { $set: { state: 'taken' } }, { returnDocument: 'after', projection: { _id: 0, job: 1, state: 1 } });
    expect(claimed).toEqual({ job: 'x', state: 'taken' });
    await queue.updateOne({ job: 'x' }, { $set: { state: 'ready' } });
    const upserted = await queue.findOneAndUpdate({ job: 'w' }, { $setOnInsert: { priority: 0 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    expect(upserted.lastErrorObject?.updatedExisting).toBe(false);
    expect(upserted.value).toMatchObject({ job: 'w', priority: 0 });
    const removed = await queue.findOneAndDelete({}, { sort: { priority: 1 } });
    expect(removed?.job).toBe('w');
    expect(await queue.countDocuments()).toBe(3);
    expect(await queue.findOneAndUpdate({ job: 'nope' }, { $set: { a: 1 } })).toBeNull();
  });
});

describe('aggregation', () => {
  beforeAll(async () => {
    await loose('orders').insertMany([
      { _id: 1, customer: 'ann', items: ['pen', 'ink'], total: 10, status: 'paid' },
      { _id: 2, customer: 'bob', items: ['pad'], total: 20, status: 'paid' },
      { _id: 3, customer: 'ann', items: ['pen'], total: 30, status: 'open' },
      { _id: 4, customer: 'cy', items: [], total: 40, status: 'paid' },
    ]);
    await loose('customers').insertMany([
      { _id: 'ann', city: 'Oslo' },
      { _id: 'bob', city: 'Rome' },
    ]);
  });

  const run = (pipeline: Document[]) => loose('orders').aggregate(pipeline).toArray();

  it('$match $group $sort $project $addFields $set $unset $limit $skip', async () => {
    expect(
      await run([
        { $match: { status: 'paid' } },
        { $group: { _id: '$customer', spent: { $sum: '$total' }, orders: { $sum: 1 } } },
        { $sort: { spent: -1 } },
        { $addFields: { big: { $gte: ['$spent', 20] } } },
        { $set: { label: { $concat: ['c-', '$_id'] } } },
        { $unset: 'orders' },
        { $project: { _id: 0, label: 1, spent: 1, big: 1 } },
        { $skip: 1 },
        { $limit: 1 },
      ]),
    ).toEqual([{ spent: 20, big: true, label: 'c-bob' }]);
  });

  it('$unwind $sortByCount $count $replaceRoot', async () => {
    expect(await run([{ $unwind: '$items' }, { $sortByCount: '$items' }, { $sort: { count: -1, _id: 1 } }])).toEqual([
      { _id: 'pen', count: 2 },
      { _id: 'ink', count: 1 },
      { _id: 'pad', count: 1 },
    ]);
    expect(await run([{ $match: { total: { $gt: 15 } } }, { $count: 'n' }])).toEqual([{ n: 3 }]);
    expect(await run([{ $match: { _id: 2 } }, { $replaceRoot: { newRoot: { who: '$customer' } } }])).toEqual([{ who: 'bob' }]);
  });

  it('$lookup and $facet', async () => {
    const joined = await run([
      { $match: { status: 'paid' } },
      { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } },
      { $project: { _id: 1, city: { $first: '$who.city' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(joined).toEqual([{ _id: 1, city: 'Oslo' }, { _id: 2, city: 'Rome' }, { _id: 4 }]);
    const [facets] = await run([{ $facet: { paid: [{ $match: { status: 'paid' } }, { $count: 'n' }], max: [{ $group: { _id: null, m: { $max: '$total' } } }] } }]);
    expect(facets).toEqual({ paid: [{ n: 3 }], max: [{ _id: null, m: 40 }] });
  });

  it('$bucket puts boundary values in the bucket they open and omits empty buckets', async () => {
    const buckets = await run([{ $bucket: { groupBy: '$total', boundaries: [0, 20, 30, 35, 100], default: 'other', output: { ids: { $push: '$_id' } } } }]);
    expect(buckets).toEqual([
      { _id: 0, ids: [1] },
      { _id: 20, ids: [2] },
      { _id: 30, ids: [3] },
      { _id: 35, ids: [4] },
    ]);
    const withDefault = await run([{ $bucket: { groupBy: '$total', boundaries: [10, 30], default: 'other' } }]);
    expect(withDefault).toEqual([
      { _id: 10, count: 2 },
      { _id: 'other', count: 2 },
    ]);
  });
});

describe('indexes', () => {
  it('creates, lists and drops indexes', async () => {
    const people = db.collection('indexed');
    await people.createIndex({ email: 1 }, { unique: true });
    await people.createIndex({ team: 1, joined: -1 }, { name: 'team_joined' });
    const listed = await people.listIndexes().toArray();
    expect(listed.map((i) => [i.name, i.key, i.unique ?? false])).toEqual([
      ['_id_', { _id: 1 }, false],
      ['email_1', { email: 1 }, true],
      ['team_joined', { team: 1, joined: -1 }, false],
    ]);
    await people.dropIndex('team_joined');
    expect((await people.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'email_1']);
    const missing = await serverError(people.dropIndex('nope'));
    expect(missing.code).toBe(27);
  });

  it('enforces unique indexes on every write path with keyPattern and keyValue', async () => {
    const users = db.collection('unique_users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([{ email: 'a@x' }, { email: 'b@x' }]);
    const expectDuplicate = async (promise: Promise<unknown>) => {
      const error = await serverError(promise);
      expect(error.code).toBe(11000);
      expect(error.keyPattern).toEqual({ email: 1 });
      expect(error.keyValue).toEqual({ email: 'a@x' });
      expect(error.message).toMatch(/E11000 duplicate key error/);
    };
    await expectDuplicate(users.insertOne({ email: 'a@x' }));
    await expectDuplicate(users.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } }));
    await expectDuplicate(users.updateOne({ email: 'c@x' }, { $set: { email: 'a@x' } }, { upsert: true }));
    await expectDuplicate(users.findOneAndUpdate({ email: 'b@x' }, { $set: { email: 'a@x' } }));
    await expectDuplicate(users.findOneAndUpdate({ email: 'z@x' }, { $set: { n: 1 } , $setOnInsert: { email: 'a@x' } }, { upsert: true }));
    expect(await users.countDocuments()).toBe(2);
    const idClash = await serverError(users.insertOne({ _id: (await users.findOne({ email: 'a@x' }))!._id, email: 'q@x' }));
    expect(idClash.code).toBe(11000);
    expect(idClash.keyPattern).toEqual({ _id: 1 });
  });

  it('continues past duplicates in unordered inserts and stops in ordered ones', async () => {
    const tags = db.collection('unique_tags');
    await tags.createIndex({ t: 1 }, { unique: true });
    const unordered = await serverError(tags.insertMany([{ t: 1 }, { t: 1 }, { t: 2 }], { ordered: false }));
    expect(unordered.code).toBe(11000);
    expect(await tags.countDocuments()).toBe(2);
    await serverError(tags.insertMany([{ t: 3 }, { t: 1 }, { t: 4 }]));
    expect((await tags.find({}, { projection: { _id: 0 } }).sort({ t: 1 }).toArray()).map((d) => d.t)).toEqual([1, 2, 3]);
  });

  it('enforces compound unique indexes and refuses to build a unique index over duplicates', async () => {
    const seats = db.collection('seats');
    await seats.createIndex({ row: 1, seat: 1 }, { unique: true });
    await seats.insertMany([{ row: 'a', seat: 1 }, { row: 'a', seat: 2 }, { row: 'b', seat: 1 }]);
    const clash = await serverError(seats.insertOne({ row: 'a', seat: 2 }));
    expect(clash.keyPattern).toEqual({ row: 1, seat: 1 });
    expect(clash.keyValue).toEqual({ row: 'a', seat: 2 });
    const build = await serverError(seats.createIndex({ row: 1 }, { unique: true }));
    expect(build.code).toBe(11000);
    expect((await seats.listIndexes().toArray()).map((i) => i.name)).not.toContain('row_1');
  });

  it('answers equality and range queries on indexed fields', async () => {
    const events = db.collection('events');
    await events.createIndex({ at: 1 });
    await events.createIndex({ kind: 1, at: 1 });
    const base = Date.UTC(2024, 0, 1);
    await events.insertMany(Array.from({ length: 100 }, (_, i) => ({ i, at: new Date(base + i * 60_000), kind: i % 2 ? 'odd' : 'even', tags: [`t${i % 4}`] })));
    await events.createIndex({ tags: 1 });
    const range = await events.find({ at: { $gte: new Date(base + 10 * 60_000), $lt: new Date(base + 13 * 60_000) } }).toArray();
    expect(range.map((e) => e.i)).toEqual([10, 11, 12]);
    expect(await events.countDocuments({ kind: 'odd', at: { $gt: new Date(base + 95 * 60_000) } })).toBe(2);
    expect(await events.countDocuments({ tags: 't3' })).toBe(25);
    await events.updateMany({ i: { $lt: 50 } }, { $set: { kind: 'early' } });
    expect(await events.countDocuments({ kind: 'early' })).toBe(50);
    expect(await events.countDocuments({ kind: 'odd' })).toBe(25);
  });
});

describe('transactions', () => {
  it('commits all writes of a transaction together', async () => {
    const accounts = db.collection<{ _id: string; balance?: number; moved?: number }>('accounts');
    await accounts.insertMany([{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }]);
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await accounts.updateOne({ _id: 'a' }, { $inc: { balance: -30 } }, { session });
        await accounts.updateOne({ _id: 'b' }, { $inc: { balance: 30 } }, { session });
        await accounts.insertOne({ _id: 'log', moved: 30 }, { session });
        // Outside the transaction nothing has happened yet.
        expect((await accounts.findOne({ _id: 'a' }))?.balance).toBe(100);
        expect(await accounts.findOne({ _id: 'log' })).toBeNull();
        expect((await accounts.findOne({ _id: 'a' }, { session }))?.balance).toBe(70);
      });
    } finally {
      await session.endSession();
    }
    const balances = await accounts.find({}, { projection: { _id: 1, balance: 1, moved: 1 } }).sort({ _id: 1 }).toArray();
    expect(balances).toEqual([
      { _id: 'a', balance: 70 },
      { _id: 'b', balance: 30 },
      { _id: 'log', moved: 30 },
    ]);
  });

  it('discards every write of an aborted transaction', async () => {
    const ledger = loose('ledger');
    await ledger.insertOne({ _id: 'keep', v: 1 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await ledger.insertOne({ _id: 'gone', v: 2 }, { session });
      await ledger.updateOne({ _id: 'keep' }, { $set: { v: 99 } }, { session });
      await ledger.deleteOne({ _id: 'keep' }, { session });
      expect(await ledger.countDocuments({}, { session })).toBe(1);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await ledger.find({}).toArray()).toEqual([{ _id: 'keep', v: 1 }]);
  });

  it('rolls back when the transaction callback throws', async () => {
    const notes = db.collection('notes');
    const session = client.startSession();
    await expect(
      session.withTransaction(async () => {
        await notes.insertOne({ text: 'never' }, { session });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await session.endSession();
    expect(await notes.countDocuments()).toBe(0);
  });
});

describe('mongoose', () => {
  let connection: mongoose.Connection;
  const userSchema = new mongoose.Schema({ email: { type: String, required: true, unique: true }, name: String, logins: { type: Number, default: 0 } });
  userSchema.index({ name: 1, logins: -1 });
  const postSchema = new mongoose.Schema({ title: String, author: { type: mongoose.Schema.Types.ObjectId, ref: 'User' }, likes: Number });

  beforeAll(async () => {
    connection = await mongoose.createConnection(target.uri, { dbName: target.dbName, autoIndex: true }).asPromise();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('creates, finds, updates and upserts documents', async () => {
    const User = connection.model('User', userSchema);
    await User.init();
    const ann = await User.create({ email: 'ann@x', name: 'Ann' });
    expect(ann._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect((await User.findOne({ email: 'ann@x' }).lean())?.name).toBe('Ann');
    await User.updateOne({ _id: ann._id }, { $inc: { logins: 2 } });
    expect((await User.findById(ann._id))?.logins).toBe(2);
    const upserted = await User.findOneAndUpdate({ email: 'bob@x' }, { $set: { name: 'Bob' } }, { upsert: true, returnDocument: 'after' });
    expect(upserted?.name).toBe('Bob');
    expect(upserted?.logins).toBe(0);
    expect(await User.countDocuments()).toBe(2);
  });

  it('turns a unique violation into a duplicate key error with keyPattern and keyValue', async () => {
    const User = connection.model('User');
    const error = (await User.create({ email: 'ann@x' }).catch((e: unknown) => e)) as { code?: number; keyPattern?: unknown; keyValue?: unknown };
    expect(error.code).toBe(11000);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'ann@x' });
  });

  it('syncs indexes with the schema', async () => {
    const User = connection.model('User');
    await User.collection.createIndex({ stray: 1 });
    const dropped = await User.syncIndexes();
    expect(dropped).toEqual(['stray_1']);
    const names = (await User.listIndexes()).map((i: { name: string }) => i.name).sort();
    expect(names).toEqual(['_id_', 'email_1', 'name_1_logins_-1']);
  });

  it('populates references and aggregates', async () => {
    const User = connection.model('User');
    const Post = connection.model('Post', postSchema);
    const ann = await User.findOne({ email: 'ann@x' });
    await Post.create([{ title: 'one', author: ann!._id, likes: 3 }, { title: 'two', author: ann!._id, likes: 4 }]);
    const post = await Post.findOne({ title: 'one' }).populate<{ author: { email: string } }>('author');
    expect(post?.author.email).toBe('ann@x');
    const totals = await Post.aggregate<{ _id: unknown; likes: number }>([{ $group: { _id: '$author', likes: { $sum: '$likes' } } }]);
    expect(totals).toHaveLength(1);
    expect(totals[0]?.likes).toBe(7);
    expect(String(totals[0]?._id)).toBe(String(ann!._id));
  });

  it('runs session.withTransaction', async () => {
    const User = connection.model('User');
    const session = await connection.startSession();
    try {
      await session.withTransaction(async () => {
        await User.create([{ email: 'tx1@x' }, { email: 'tx2@x' }], { session, ordered: true });
        await User.updateOne({ email: 'ann@x' }, { $set: { name: 'Ann T' } }, { session });
      });
      const aborted = session.withTransaction(async () => {
        await User.create([{ email: 'tx3@x' }], { session });
        await User.create([{ email: 'ann@x' }], { session });
      });
      await expect(aborted).rejects.toMatchObject({ code: 11000 });
    } finally {
      await session.endSession();
    }
    expect(await User.countDocuments({ email: /^tx/ })).toBe(2);
    expect((await User.findOne({ email: 'ann@x' }))?.name).toBe('Ann T');
  });
});

// Durability is a property of the embedded store's files; with MONGODB_URI there is nothing to kill.
if (!process.env.MONGODB_URI) {
  describe('durability (embedded store only)', () => {
    it('keeps every acknowledged write across kill -9 and skips a torn journal tail', async () => {
      const { dbpath, remove } = await tempDbpath();
      try {
        const first = await spawnStore(dbpath);
        const c1 = new MongoClient(first.uri);
        const col = c1.db('durable').collection('things');
        await col.createIndex({ code: 1 }, { unique: true });
        await col.insertMany(Array.from({ length: 1000 }, (_, i) => ({ code: i, payload: 'x'.repeat(50) })));
        await col.updateOne({ code: 7 }, { $set: { touched: true } });
        await col.deleteOne({ code: 8 });
        const session = c1.startSession();
        await session.withTransaction(async () => {
          await col.insertOne({ code: 'tx' }, { session });
        });
        await session.endSession();
        await first.kill9();
        await c1.close(true);

        const journal = path.join(dbpath, 'journal.tpj');
        const sizeBefore = (await stat(journal)).size;
        expect(sizeBefore).toBeGreaterThan(16);
        // A record header promising more bytes than follow: what a crash mid-append leaves.
        await appendFile(journal, Buffer.from([0xff, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x01, 0x02]));

        const second = await spawnStore(dbpath);
        const c2 = new MongoClient(second.uri);
        const again = c2.db('durable').collection('things');
        expect(await again.countDocuments()).toBe(1000);
        expect((await again.findOne({ code: 7 }))?.touched).toBe(true);
        expect(await again.findOne({ code: 8 })).toBeNull();
        expect(await again.findOne({ code: 'tx' })).not.toBeNull();
        expect((await serverError(again.insertOne({ code: 1 }))).code).toBe(11000);
        expect(second.stderr()).toMatch(/torn journal record/);
        // Opening compacted the journal into the snapshot.
        expect((await readFile(journal)).length).toBe(16);
        await c2.close();
        expect(await second.stop()).toBe(0);
      } finally {
        await remove();
      }
    });
  });
}

describe('updates MongoDB applies or rejects, never a silent no-op (issue #15)', () => {
  it('$pull with an $or condition removes every matching element', async () => {
    const c = loose('pull_or');
    await c.insertOne({ _id: 1, a: [{ n: 'x' }, { n: 'y' }, { n: 'z' }] });
    await c.updateOne({ _id: 1 }, { $pull: { a: { $or: [{ n: 'x' }, { n: 'y' }] } } } as Document);
    expect((await c.findOne({ _id: 1 }))?.a).toEqual([{ n: 'z' }]);
  });

  it('$set of _id to its current value is allowed', async () => {
    const c = loose('set_same_id');
    await c.insertOne({ _id: 1, x: 1 });
    await c.updateOne({ _id: 1 }, { $set: { _id: 1, x: 2 } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, x: 2 });
    expect((await serverError(c.updateOne({ _id: 1 }, { $set: { _id: 2 } }))).code).toBe(66);
  });

  it('rejects updates on values of the wrong type with MongoDB codes', async () => {
    const c = loose('wrong_types');
    await c.insertOne({ _id: 1, n: 5, s: 'text', comments: [{ body: 'a' }] });
    const cases: [Document, number][] = [
      [{ $push: { n: 1 } }, 2],
      [{ $addToSet: { n: 1 } }, 2],
      [{ $inc: { s: 1 } }, 14],
      [{ $inc: { n: 'one' } }, 14],
      [{ $set: { 'n.b': 1 } }, 28],
      [{ $set: { 'comments.body': 'x' } }, 28],
      [{ $pull: 'fail' }, 9],
    ];
    for (const [update, code] of cases) {
      expect((await serverError(c.updateOne({ _id: 1 }, update))).code, JSON.stringify(update)).toBe(code);
    }
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, n: 5, s: 'text', comments: [{ body: 'a' }] });
  });

  it('a bulk write stops at the first failing update when ordered and reports each when unordered', async () => {
    const c = loose('bulk_errors');
    await c.insertMany([{ _id: 1, n: 5 }, { _id: 2, n: 5 }, { _id: 3, n: 5 }]);
    const ops = [
      { updateOne: { filter: { _id: 1 }, update: { $push: { n: 1 } } } },
      { updateOne: { filter: { _id: 2 }, update: { $inc: { n: 1 } } } },
      { updateOne: { filter: { _id: 3 }, update: { $set: { 'n.x': 1 } } } },
    ];
    const ordered = await serverError(c.bulkWrite(ops as never, { ordered: true }));
    expect((ordered as unknown as { writeErrors: { index: number; code: number }[] }).writeErrors.map((e) => [e.index, e.code])).toEqual([[0, 2]]);
    expect((await c.findOne({ _id: 2 }))?.n).toBe(5);
    const unordered = await serverError(c.bulkWrite(ops as never, { ordered: false }));
    expect((unordered as unknown as { writeErrors: { index: number; code: number }[] }).writeErrors.map((e) => [e.index, e.code])).toEqual([[0, 2], [2, 28]]);
    expect((await c.findOne({ _id: 2 }))?.n).toBe(6);
  });
});
