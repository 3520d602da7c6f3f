import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpBatch } from './catalog';
import { encodeForStorage } from './doc-codec';
import { openStore } from './persistence';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-store-unit-'));
  dirs.push(dir);
  return dir;
}

async function putDocs(dbpath: string, from: number, to: number): Promise<void> {
  const { catalog, storage } = openStore(dbpath);
  const ops: OpBatch = [];
  const collection = catalog.getOrCreate('db', 'c', ops);
  for (let n = from; n < to; n++) {
    const doc = { _id: n, n };
    const bytes = encodeForStorage(doc);
    collection.insert(doc, bytes, null);
    ops.push({ kind: 'put', ns: collection.ns, bytes });
  }
  await catalog.commit(ops);
  await storage.close();
}

describe('openStore', () => {
  it('replays the journal, compacts it into the snapshot and reopens from the snapshot', async () => {
    const dbpath = tempDir();
    await putDocs(dbpath, 0, 10);
    expect(readFileSync(join(dbpath, 'journal.tpj')).length).toBeGreaterThan(16);
    const reopened = openStore(dbpath);
    expect(reopened.stats.journalRecords).toBe(1);
    expect(reopened.catalog.get('db', 'c')?.liveCount).toBe(10);
    await reopened.storage.close();
    expect(readFileSync(join(dbpath, 'journal.tpj')).length).toBe(16);
    const again = openStore(dbpath);
    expect(again.stats.journalRecords).toBe(0);
    expect(again.catalog.get('db', 'c')?.liveCount).toBe(10);
    await again.storage.close();
  });

  it('skips a torn last record with a warning and keeps what came before', async () => {
    const dbpath = tempDir();
    await putDocs(dbpath, 0, 5);
    await putDocs(dbpath, 5, 8);
    const journal = join(dbpath, 'journal.tpj');
    const whole = readFileSync(journal);
    // Cut the last record short, as a crash in the middle of an append would.
    rmSync(journal);
    appendFileSync(journal, whole.subarray(0, whole.length - 4));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reopened = openStore(dbpath);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/torn journal record/));
    expect(reopened.catalog.get('db', 'c')?.liveCount).toBe(5);
    await reopened.storage.close();
  });

  it('compacts while running and loses nothing', async () => {
    const dbpath = tempDir();
    await putDocs(dbpath, 0, 20);
    const { catalog, storage } = openStore(dbpath);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ops: OpBatch = [];
    const collection = catalog.get('db', 'c')!;
    const doc = { _id: 'late', n: -1 };
    const bytes = encodeForStorage(doc);
    collection.insert(doc, bytes, null);
    ops.push({ kind: 'put', ns: collection.ns, bytes });
    const durable = catalog.commit(ops);
    storage.compact();
    await durable;
    expect(readFileSync(join(dbpath, 'journal.tpj')).length).toBe(16);
    await storage.close();
    const reopened = openStore(dbpath);
    expect(reopened.catalog.get('db', 'c')?.liveCount).toBe(21);
    expect(reopened.catalog.get('db', 'c')?.ridForId('late')).toBeDefined();
    await reopened.storage.close();
  });
});
