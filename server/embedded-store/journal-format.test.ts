import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, FRAME_HEADER, scanFrames } from './journal-format';
import type { JournalOp } from './journal-format';

const ops: JournalOp[] = [
  { kind: 'createCollection', ns: 'db.c', bytes: Buffer.from([5, 0, 0, 0, 0]) },
  { kind: 'put', ns: 'db.c', bytes: Buffer.from('document bytes') },
  { kind: 'dropCollection', ns: 'db.old' },
];

describe('journal frames', () => {
  it('round-trips a record of several ops', () => {
    const frame = encodeRecord(ops);
    const scan = scanFrames(frame, 0);
    expect(scan.tornAt).toBeNull();
    expect(scan.payloads).toHaveLength(1);
    const decoded = decodeRecord(scan.payloads[0] as Buffer);
    expect(decoded.map((op) => [op.kind, op.ns])).toEqual(ops.map((op) => [op.kind, op.ns]));
    expect(Buffer.from((decoded[1] as { bytes: Uint8Array }).bytes).toString()).toBe('document bytes');
  });

  it('stops before a record whose bytes were cut short', () => {
    const first = encodeRecord(ops.slice(0, 1));
    const second = encodeRecord(ops.slice(1));
    const torn = Buffer.concat([first, second.subarray(0, second.length - 3)]);
    const scan = scanFrames(torn, 0);
    expect(scan.payloads).toHaveLength(1);
    expect(scan.tornAt).toBe(first.length);
    expect(scan.validEnd).toBe(first.length);
  });

  it('stops before a record whose checksum does not match', () => {
    const frame = encodeRecord(ops);
    frame[FRAME_HEADER + 2] = (frame[FRAME_HEADER + 2] as number) ^ 0xff;
    const scan = scanFrames(frame, 0);
    expect(scan.payloads).toHaveLength(0);
    expect(scan.tornAt).toBe(0);
  });

  it('treats a partial header as torn', () => {
    const scan = scanFrames(Buffer.concat([encodeRecord(ops), Buffer.from([1, 2, 3])]), 0);
    expect(scan.payloads).toHaveLength(1);
    expect(scan.tornAt).not.toBeNull();
  });
});
