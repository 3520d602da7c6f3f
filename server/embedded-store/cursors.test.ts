import { BSON } from 'bson';
import { describe, expect, it } from 'vitest';
import { CursorRegistry } from './cursors';

describe('CursorRegistry batches', () => {
  it('keeps every reply encodable under 16 MiB, counting the array keys of many small documents', () => {
    const docs = Array.from({ length: 150_000 }, (_, i) => ({ _id: i, s: 'x'.repeat(100) }));
    const cursors = new CursorRegistry();
    let reply = cursors.firstBatch('db.c', docs, undefined);
    let delivered = (reply.cursor as { firstBatch: unknown[] }).firstBatch.length;
    expect(delivered).toBe(101);
    let replies = 0;
    while (String((reply.cursor as { id: unknown }).id) !== '0') {
      reply = cursors.getMore((reply.cursor as { id: unknown }).id, undefined);
      // BSON.serialize fails above its 17 MiB internal buffer; MongoDB caps replies at 16 MiB.
      expect(BSON.serialize(reply).length).toBeLessThanOrEqual(16 * 1024 * 1024 + 1024);
      delivered += (reply.cursor as { nextBatch: unknown[] }).nextBatch.length;
      replies += 1;
    }
    expect(delivered).toBe(docs.length);
    expect(replies).toBeGreaterThan(1);
    cursors.close();
  });
});
