// Embedded store benchmark: `node --import tsx scripts/bench/store.ts [--quick]`.
// Every figure comes from one run against a store started through the same CLI users run.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BSON, ObjectId } from 'bson';
import type { Document } from 'bson';
import { find as mingoFind, Query } from 'mingo';
import { MongoClient } from 'mongodb';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const LOOKUP_DOCS = flags.quick ? 10_000 : 100_000;
const BIG_DOCS = flags.quick ? 100_000 : 1_000_000;
const BATCH = 500;
const CLI = path.resolve(import.meta.dirname, '../../server/embedded-store/cli.ts');

interface Store {
  uri: string;
  child: ChildProcess;
  stderr: () => string;
  readyMs: number;
  stop(): Promise<void>;
}

async function startStore(dbpath: string): Promise<Store> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--dbpath', dbpath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.replace(/^ready /, '')));
    void exited.then(() => reject(new Error(`store exited: ${stderr}`)));
  });
  return {
    uri,
    child,
    stderr: () => stderr,
    readyMs: performance.now() - started,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const rows: [string, string][] = [];
const report = (label: string, value: string): void => {
  rows.push([label, value]);
  console.error(`  ${label}: ${value}`);
};
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function person(i: number): Document {
  return {
    _id: new ObjectId(),
    email: `user${i}@example.com`,
    name: `Customer ${i}`,
    surveyId: new ObjectId(),
    score: i % 11,
    channel: ['email', 'sms', 'web', 'kiosk'][i % 4],
    comment: `Visit ${i}: the staff were helpful and the wait was short; would recommend to friends and family.`,
    createdAt: new Date(1_700_000_000_000 + i * 1000),
    tags: ['service', i % 2 ? 'returning' : 'new'],
    answers: { q1: i % 5, q2: 'yes', q3: i % 7 },
  };
}

async function time<T>(repeat: number, op: (i: number) => Promise<T> | T): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < repeat; i++) await op(i);
  return (performance.now() - started) / repeat;
}

async function lookups(dbpath: string): Promise<void> {
  console.error(`\n[1/3] lookups over ${fmt(LOOKUP_DOCS)} documents`);
  const store = await startStore(dbpath);
  const client = await MongoClient.connect(store.uri);
  const db = client.db('bench');
  const indexed = db.collection('indexed');
  const plain = db.collection('plain');
  await indexed.createIndex({ email: 1 }, { unique: true });
  const docs = Array.from({ length: LOOKUP_DOCS }, (_, i) => person(i));
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    await indexed.insertMany(batch.map((d) => ({ ...d })));
    await plain.insertMany(batch.map((d) => ({ ...d })));
  }
  const pick = (i: number) => `user${(i * 7919) % LOOKUP_DOCS}@example.com`;
  // Warm up the JIT on both sides and let the server settle after the bulk load.
  await time(1000, (i) => indexed.findOne({ email: pick(i) }));
  const indexedMs = await time(2000, (i) => indexed.findOne({ email: pick(i) }));
  const plainMs = await time(flags.quick ? 50 : 20, (i) => plain.findOne({ email: pick(i) }));
  report('findOne by unique field, indexed (ms/op)', fmt(indexedMs, 3));
  report('findOne by same field, unindexed (ms/op)', fmt(plainMs, 2));
  report('indexed speed-up (goal >= 50x)', `${fmt(plainMs / indexedMs)}x`);

  const ids = docs.map((d) => d._id as ObjectId);
  const driverMs = await time(5000, (i) => indexed.findOne({ _id: ids[(i * 104729) % ids.length] }));
  // In-process baselines over the same documents, decoded as the store decodes them.
  const inMemory = docs.map((d) => BSON.deserialize(BSON.serialize(d)));
  const mingoScanMs = await time(flags.quick ? 200 : 50, (i) => mingoFind(inMemory, { _id: ids[(i * 104729) % ids.length] }).next());
  const byId = new Map(inMemory.map((d) => [String(d._id), d]));
  const mapMs = await time(50_000, (i) => {
    const id = ids[(i * 104729) % ids.length] as ObjectId;
    const doc = byId.get(id.toHexString());
    return doc && new Query({ _id: id }, {}).test(doc) ? doc : null;
  });
  report('findOne by _id over the driver (ms/op)', fmt(driverMs, 3));
  report('same lookup, mingo find() over an in-process array (ms/op)', fmt(mingoScanMs, 3));
  report('same lookup, in-process Map + mingo test (ms/op)', fmt(mapMs, 4));
  report('wire overhead vs mingo find() (goal <= 3x)', `${fmt(driverMs / mingoScanMs, 2)}x`);
  report('wire overhead vs in-process Map + mingo', `${fmt(driverMs / mapMs)}x`);

  // A case change's write: fields set, a timeline entry pushed, a key added to a set, the document
  // returned. The store applies these itself; the `$each` spelling of the same change is left to
  // mingo, whose update rebuilds its operator tables on every call: the in-run baseline.
  const change = (i: number, each: boolean) => {
    const entry = { at: new Date(), by: ids[i % ids.length], kind: 'moved', data: { move: 'acknowledge', from: 'new', to: 'acknowledged' } };
    const update: Document = { $set: { status: `s${i % 5}`, version: i }, $push: { history: each ? { $each: [entry] } : entry }, $addToSet: { fired: each ? { $each: [`k${i % 9}`] } : `k${i % 9}` } };
    return indexed.findOneAndUpdate({ email: pick(i) }, update, { returnDocument: 'after' });
  };
  await time(500, (i) => change(i, false));
  const ownMs = await time(2000, (i) => change(i, false));
  const mingoMs = await time(2000, (i) => change(i, true));
  report('case-shaped findOneAndUpdate ($set + $push + $addToSet) (ms/op)', fmt(ownMs, 3));
  report('same change spelled with $each, applied by mingo (ms/op)', fmt(mingoMs, 3));
  report('store-applied vs mingo-applied change', `${fmt(mingoMs / ownMs, 2)}x faster`);
  await client.close();
  await store.stop();
}

async function residentMb(client: MongoClient): Promise<number> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return status.mem.residentBytes / 2 ** 20;
}

function openedMs(stderr: string): number {
  const match = /in (\d+) ms/.exec(stderr);
  return match ? Number(match[1]) : NaN;
}

async function bulk(dbpath: string): Promise<void> {
  console.error(`\n[2/3] ${fmt(BIG_DOCS)} documents, durable insertMany batches of ${BATCH}`);
  const sample = BSON.calculateObjectSize(person(123_456));
  report('document size (BSON bytes)', String(sample));
  let store = await startStore(dbpath);
  let client = await MongoClient.connect(store.uri);
  let col = client.db('bench').collection('responses');
  await col.createIndex({ email: 1 }, { unique: true });
  const started = performance.now();
  for (let i = 0; i < BIG_DOCS; i += BATCH) {
    await col.insertMany(Array.from({ length: Math.min(BATCH, BIG_DOCS - i) }, (_, j) => person(i + j)));
  }
  const seconds = (performance.now() - started) / 1000;
  report('insert throughput, durable (docs/s)', fmt(BIG_DOCS / seconds, 0));
  report(`resident memory after inserting ${fmt(BIG_DOCS)} (MiB)`, fmt(await residentMb(client), 0));
  await client.close();
  await store.stop();

  console.error('\n[3/3] reopen');
  store = await startStore(dbpath);
  report('reopen replaying the journal + compacting (s, store open / process ready)', `${fmt(openedMs(store.stderr()) / 1000, 2)} / ${fmt(store.readyMs / 1000, 2)}`);
  await store.stop();
  store = await startStore(dbpath);
  report('reopen from snapshot (s, store open / process ready) (goal < 15 s)', `${fmt(openedMs(store.stderr()) / 1000, 2)} / ${fmt(store.readyMs / 1000, 2)}`);
  client = await MongoClient.connect(store.uri);
  col = client.db('bench').collection('responses');
  const count = await col.estimatedDocumentCount();
  const probe = await col.findOne({ email: `user${BIG_DOCS - 1}@example.com` });
  report('documents after reopen', `${fmt(count)} (last one found: ${probe ? 'yes' : 'no'})`);
  report(`resident memory after reopen with ${fmt(BIG_DOCS)} (MiB) (goal < 1536)`, fmt(await residentMb(client), 0));
  await client.close();
  await store.stop();
}

const scratch = await mkdtemp(path.join(tmpdir(), 'touchpoint-bench-'));
try {
  console.error(`embedded store benchmark${flags.quick ? ' (--quick)' : ''}; node ${process.version}`);
  await lookups(path.join(scratch, 'lookups'));
  await bulk(path.join(scratch, 'bulk'));
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([label]) => label.length));
console.log(`\nEmbedded store benchmark${flags.quick ? ' (--quick)' : ''}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
