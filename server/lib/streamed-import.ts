import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type CsvErrorCode } from 'csv-parse';
import type { Request, Response } from 'express';
import { MAX_LISTED_REJECTIONS } from '@shared/contacts/contact.schema';
import { HttpError, Invalid } from './errors';

// The pieces every streamed import shares (contacts, responses): media-type checks, the byte limit,
// CSV records and NDJSON lines read as the body arrives, and malformed input turned into a 400.

/** A single CSV record or NDJSON line larger than this is malformed, not a row. */
export const MAX_IMPORT_RECORD_BYTES = 64 * 1024;

/**
 * Counts a refused row in an import report, listing it while the list is shorter than
 * MAX_LISTED_REJECTIONS (a file of bad rows must not make a reply as large as itself).
 */
export function countRejection<R>(report: { rejected: R[]; rejectedCount: number }, rejection: R): void {
  report.rejectedCount += 1;
  if (report.rejected.length < MAX_LISTED_REJECTIONS) report.rejected.push(rejection);
}

export function unsupportedMediaType(detail: string): HttpError {
  return new HttpError(415, 'unsupported-media-type', 'Unsupported media type', detail);
}

export class BodyTooLarge extends HttpError {
  constructor(maxBytes: number) {
    super(413, 'body-too-large', 'Request body too large', `An import may be at most ${maxBytes} bytes; split the file.`);
  }
}

/** A streamed file must be UTF-8 and not compressed: the stream goes straight into the parser. */
export function assertPlainUtf8(req: Request, what: string): void {
  const charset = /charset=([^;]+)/i.exec(req.get('content-type') ?? '')?.[1]?.trim().replace(/"/g, '').toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw unsupportedMediaType(`Send the ${what} file as UTF-8.`);
  const encoding = req.get('content-encoding')?.toLowerCase();
  if (encoding && encoding !== 'identity') throw unsupportedMediaType(`Send the ${what} file uncompressed.`);
}

/**
 * Runs a streamed import of the request body and replies with its report. A body announced larger
 * than `maxBytes` is refused before it is read; when the import fails before the body was read to the
 * end, the connection closes once the problem is written (the rest of the body is not read).
 */
export async function replyWithStreamedImport(req: Request, res: Response, maxBytes: number, run: (body: Readable) => Promise<unknown>): Promise<void> {
  if (Number(req.get('content-length')) > maxBytes) {
    res.set('Connection', 'close');
    throw new BodyTooLarge(maxBytes);
  }
  try {
    res.json(await run(req));
  } catch (error) {
    if (!req.complete) res.set('Connection', 'close');
    throw error;
  }
}

/** Passes bytes through until more than `maxBytes` went by, then fails with 413. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > maxBytes ? new BodyTooLarge(maxBytes) : null, seen > maxBytes ? undefined : chunk);
    },
  });
}

/** What to do with each record of a file, and with the rows read so far when the file breaks off. */
export interface RecordHandler<R> {
  record(record: R, line: number): Promise<void>;
  /** The file broke off (malformed, too large): the rows before the break were valid, keep them. */
  brokenOff(): Promise<unknown>;
}

/** Reads records from the limited body, handing each with its line number to `each`. */
type RecordReader<R> = (input: Readable, each: (record: R, line: number) => Promise<void>) => Promise<void>;

/**
 * Reads `body` through the byte limit, one record at a time: the reader pauses the body while a record
 * (and the batch it completes) is handled, so memory stays flat whatever the file size.
 */
async function streamRecords<R>(body: Readable, maxBytes: number, read: RecordReader<R>, handler: RecordHandler<R>): Promise<void> {
  const limit = byteLimit(maxBytes);
  // Piped rather than put in the pipeline: a failed import must not destroy the request socket, or
  // the client would never read the 413/400 answer.
  body.pipe(limit);
  let lastLine = 1;
  try {
    await read(limit, async (record, line) => {
      lastLine = line;
      await handler.record(record, line);
    });
  } catch (error) {
    body.unpipe(limit);
    body.pause();
    const problem = malformedProblem(error, lastLine);
    if (problem instanceof HttpError) await handler.brokenOff();
    throw problem;
  }
}

/** CSV records (UTF-8, BOM allowed, trimmed, empty lines skipped) with the line each ends on; the header is line 1. */
export function streamCsvRecords(body: Readable, maxBytes: number, handler: RecordHandler<string[]>): Promise<void> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: MAX_IMPORT_RECORD_BYTES });
  return streamRecords(
    body,
    maxBytes,
    (input, each) =>
      pipeline(input, parser, async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
        for await (const { record, info } of records) await each(record, info.lines);
      }),
    handler,
  );
}

/** What to do with a CSV file read as a header row and data rows. */
export interface CsvRowHandler<C extends { width: number }> {
  /** Reads the header row (line 1); throws a 400 when it is not usable. */
  header(record: string[]): C;
  row(record: string[], line: number, columns: C): Promise<void>;
  /** A row with another number of fields than the header: shifted by an unquoted comma, so refused whole. */
  misshapen(record: string[], line: number, reason: string, columns: C): void;
  brokenOff(): Promise<unknown>;
}

/** Streams a CSV file as header and rows; false when the file had no header row at all. */
export async function streamCsvRows<C extends { width: number }>(body: Readable, maxBytes: number, handler: CsvRowHandler<C>): Promise<boolean> {
  let columns: C | undefined;
  await streamCsvRecords(body, maxBytes, {
    record: async (record, line) => {
      if (!columns) columns = handler.header(record);
      else if (record.length !== columns.width) handler.misshapen(record, line, `row: has ${record.length} fields, the header has ${columns.width}`, columns);
      else await handler.row(record, line, columns);
    },
    brokenOff: () => handler.brokenOff(),
  });
  return columns !== undefined;
}

/** Non-empty NDJSON lines (UTF-8, BOM allowed), each as text with its line number from 1; an overlong line breaks the file off. */
export function streamNdjsonLines(body: Readable, maxBytes: number, handler: RecordHandler<string>): Promise<void> {
  return streamRecords(
    body,
    maxBytes,
    (input, each) =>
      pipeline(input, async (chunks: AsyncIterable<Buffer>) => {
        const decoder = new StringDecoder('utf8');
        let line = 0;
        let pending = '';
        const take = async (text: string) => {
          line += 1;
          const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
          if (trimmed) await each(trimmed, line);
        };
        for await (const chunk of chunks) {
          const parts = (pending + decoder.write(chunk)).split('\n');
          pending = parts.pop() ?? '';
          for (const text of parts) await take(text);
          if (pending.length > MAX_IMPORT_RECORD_BYTES) {
            throw new Invalid(`Line ${line + 1} is longer than ${MAX_IMPORT_RECORD_BYTES} bytes; the lines before it were imported.`, [{ name: 'body', reason: 'line too long' }]);
          }
        }
        pending += decoder.end();
        if (pending) await take(pending);
      }),
    handler,
  );
}

/** What each CSV parser error means, in words that quote nothing from the file. */
const CSV_FAULTS: Partial<Record<CsvErrorCode, string>> = {
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more characters in the same field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by more characters in the same field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_MAX_RECORD_SIZE: `a record is longer than ${MAX_IMPORT_RECORD_BYTES} bytes`,
};

/**
 * Malformed input is the client's fault: 400 naming the line where it broke (rows before it were
 * imported). CSV errors are recognised by type, not by code prefix (INVALID_OPENING_QUOTE has none).
 * The parser's own message quotes the offending field, i.e. a customer's data: it goes neither into
 * the answer nor into a log line.
 */
function malformedProblem(error: unknown, lastLine: number): unknown {
  if (error instanceof HttpError || !(error instanceof CsvError)) return error;
  const line = typeof error.lines === 'number' ? error.lines : lastLine + 1;
  const fault = CSV_FAULTS[error.code] ?? 'it cannot be read as CSV';
  return new Invalid(`The CSV file is malformed at line ${line}: ${fault}. Nothing after line ${lastLine} was imported; the rows up to there were.`, [
    { name: 'body', reason: error.code },
  ]);
}
