import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HttpError } from './errors';
import { MAX_IMPORT_RECORD_BYTES, streamCsvRows, streamNdjsonLines } from './streamed-import';

/** Reads NDJSON sent in the given chunks; returns the lines seen and whether the import broke off. */
async function ndjson(chunks: (string | Buffer)[], maxBytes = 1_000_000) {
  const lines: [number, string][] = [];
  let brokenOff = false;
  const body = Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
  const outcome = await streamNdjsonLines(body, maxBytes, {
    record: async (text, line) => {
      lines.push([line, text]);
    },
    brokenOff: async () => {
      brokenOff = true;
    },
  }).then(
    () => null,
    (error: unknown) => error,
  );
  return { lines, brokenOff, error: outcome as HttpError | null };
}

describe('streamNdjsonLines', () => {
  it('numbers lines as in the file, skipping blank ones, with CRLF, a BOM and no final newline', async () => {
    const { lines, error } = await ndjson(['\uFEFF{"a":1}\r\n\r\n{"b"', ':2}\n  \n{"c":3}']);
    expect(error).toBeNull();
    expect(lines).toEqual([
      [1, '{"a":1}'],
      [3, '{"b":2}'],
      [5, '{"c":3}'],
    ]);
  });

  it('joins a character split between chunks', async () => {
    const bytes = Buffer.from('{"name":"李"}\n');
    const { lines } = await ndjson([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(lines).toEqual([[1, '{"name":"李"}']]);
  });

  it('breaks off at an overlong line with 400, keeping the lines before it', async () => {
    const { lines, brokenOff, error } = await ndjson(['{"a":1}\n', 'x'.repeat(MAX_IMPORT_RECORD_BYTES + 10)]);
    expect(lines).toEqual([[1, '{"a":1}']]);
    expect(brokenOff).toBe(true);
    expect(error?.status).toBe(400);
  });

  it('breaks off with 413 past the byte limit', async () => {
    const { brokenOff, error } = await ndjson(['{"a":1}\n', '{"b":2}\n', '{"c":3}\n'], 12);
    expect(brokenOff).toBe(true);
    expect(error?.status).toBe(413);
  });
});

describe('streamCsvRows', () => {
  it('hands the header once, rows with their line, and misshapen rows apart', async () => {
    const seen: string[] = [];
    const hadHeader = await streamCsvRows(Readable.from([Buffer.from('a,b\n1,2\n\n3\n"4\n4",5\n')]), 1_000_000, {
      header: (record) => ({ width: record.length, names: record }),
      row: async (record, line) => {
        seen.push(`${line}:${record.join('|')}`);
      },
      misshapen: (_record, line, reason) => seen.push(`${line}!${reason}`),
      brokenOff: async () => undefined,
    });
    expect(hadHeader).toBe(true);
    expect(seen).toEqual(['2:1|2', '4!row: has 1 fields, the header has 2', '6:4\n4|5']);
  });

  it('says when there was no header at all', async () => {
    const handler = { header: () => ({ width: 0 }), row: async () => undefined, misshapen: () => undefined, brokenOff: async () => undefined };
    expect(await streamCsvRows(Readable.from([Buffer.from('')]), 100, handler)).toBe(false);
  });
});
