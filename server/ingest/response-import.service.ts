import type { Readable } from 'node:stream';
import { ingestResponseInputSchema, type ResponseImportReport } from '@shared/responses/response-ingest.schema';
import type { AppContext } from '../app-context';
import { HttpError } from '../lib/errors';
import { countRejection, streamNdjsonLines } from '../lib/streamed-import';
import { storeResponseBatch, type NewResponse } from '../responses/response.service';
import { prepareIngested } from './response-ingest.service';

/** Responses written per insertMany; also the most rows an import holds in memory at once. */
export const RESPONSE_IMPORT_BATCH_SIZE = 1000;

/** A rejected row's reasons: each invalid field as `field: reason`, else the problem's detail. */
function reasonsOf(error: HttpError): string[] {
  if (error.invalidParams?.length) return error.invalidParams.map(({ name, reason }) => `${name.replace(/^body\./, '')}: ${reason}`);
  return [error.status === 404 ? `survey: ${error.message}` : error.message];
}

/**
 * One import run: checks each row as `POST /api/responses` checks a body, stores the valid ones in
 * batches (`storeResponseBatch`, one unordered insert each), and reports per row. A row whose
 * externalId the survey already has (from an earlier import, the single API or an earlier row) counts
 * as a duplicate and stores nothing.
 */
export class ResponseImport {
  private pending: NewResponse[] = [];
  private readonly report: ResponseImportReport = { created: 0, duplicates: 0, rejected: [], rejectedCount: 0, total: 0 };

  constructor(
    private readonly app: AppContext,
    private readonly now = new Date(),
    private readonly batchSize = RESPONSE_IMPORT_BATCH_SIZE,
  ) {}

  /** Takes one row (`line` as reported back); writes a batch when one is full. */
  async add(line: number, raw: unknown): Promise<void> {
    this.report.total += 1;
    const externalId = typeof raw === 'object' && raw !== null && 'externalId' in raw && typeof raw.externalId === 'string' ? raw.externalId.slice(0, 200) : undefined;
    const parsed = ingestResponseInputSchema.safeParse(raw);
    if (!parsed.success) {
      this.reject(line, externalId, parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`));
      return;
    }
    try {
      this.pending.push(await prepareIngested(parsed.data, this.now));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      this.reject(line, externalId, reasonsOf(error));
      return;
    }
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  /** Counts a row refused before it could be read (not JSON, a CSV row of the wrong width). */
  rejectRow(line: number, externalId: string | undefined, reasons: string[]): void {
    this.report.total += 1;
    this.reject(line, externalId, reasons);
  }

  private reject(line: number, externalId: string | undefined, reasons: string[]): void {
    countRejection(this.report, { line, ...(externalId ? { externalId } : {}), reasons });
  }

  /** Writes the rows still pending and returns the report. */
  async finish(): Promise<ResponseImportReport> {
    await this.flush();
    return this.report;
  }

  private async flush(): Promise<void> {
    const written = await storeResponseBatch(this.app, this.pending);
    this.pending = [];
    this.report.created += written.created;
    this.report.duplicates += written.duplicates;
  }
}

/** Streams an NDJSON body (one JSON object per line) into responses. */
export async function importResponsesNdjson(app: AppContext, body: Readable, maxBytes: number): Promise<ResponseImportReport> {
  const responseImport = new ResponseImport(app);
  await streamNdjsonLines(body, maxBytes, {
    record: async (text, line) => {
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        responseImport.rejectRow(line, undefined, ['row: is not valid JSON']);
        return;
      }
      await responseImport.add(line, row);
    },
    brokenOff: () => responseImport.finish(),
  });
  return responseImport.finish();
}
