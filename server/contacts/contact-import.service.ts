import type { Readable } from 'node:stream';
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Document } from 'mongodb';
import {
  ATTRIBUTE_NAME,
  CSV_FIELD_COLUMNS,
  MAX_ATTRIBUTES,
  contactInputSchema,
  type ContactInput,
  type ImportReport,
} from '@shared/contacts/contact.schema';
import { Invalid } from '../lib/errors';
import { countRejection, streamCsvRows } from '../lib/streamed-import';
import { isDuplicateKey } from '../lib/mongo-errors';
import { getSegments } from '../settings/settings.service';
import { ContactModel } from './contact.model';

/** Rows written per bulkWrite; also the most rows an import holds in memory at once. */
export const IMPORT_BATCH_SIZE = 1000;

/**
 * One import run: validates rows one by one, merges rows with the same email (a later row updates an
 * earlier one), and upserts them by email in batches, so any number of rows needs bounded memory.
 */
export class ContactImport {
  private pending = new Map<string, ContactInput>();
  private readonly report: ImportReport = { created: 0, updated: 0, rejected: [], rejectedCount: 0, total: 0 };

  constructor(
    private readonly segments: ReadonlySet<string>,
    private readonly batchSize = IMPORT_BATCH_SIZE,
  ) {}

  static async start(batchSize?: number): Promise<ContactImport> {
    return new ContactImport(new Set(await getSegments()), batchSize);
  }

  /** Takes one row (`row` as reported back); writes a batch when one is full. */
  async add(row: number, raw: unknown): Promise<void> {
    this.report.total += 1;
    const parsed = contactInputSchema.safeParse(raw);
    if (!parsed.success) {
      const email = typeof raw === 'object' && raw !== null && 'email' in raw && typeof raw.email === 'string' ? raw.email : undefined;
      this.reject(row, email, parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`));
      return;
    }
    const contact = parsed.data;
    if (contact.segment !== undefined && !this.segments.has(contact.segment)) {
      this.reject(row, contact.email, [`segment: unknown segment "${contact.segment}"`]);
      return;
    }
    const earlier = this.pending.get(contact.email);
    if (earlier) {
      this.report.updated += 1;
      this.pending.set(contact.email, { ...earlier, ...contact, attributes: { ...earlier.attributes, ...contact.attributes } });
    } else {
      this.pending.set(contact.email, contact);
    }
    if (this.pending.size >= this.batchSize) await this.flush();
  }

  /** Counts a row refused before it could be read as a contact (e.g. a CSV row with the wrong number of fields). */
  rejectRow(row: number, email: string | undefined, reasons: string[]): void {
    this.report.total += 1;
    this.reject(row, email, reasons);
  }

  private reject(row: number, email: string | undefined, reasons: string[]): void {
    countRejection(this.report, { row, ...(email ? { email } : {}), reasons });
  }

  /** Writes the rows still pending and returns the report. */
  async finish(): Promise<ImportReport> {
    await this.flush();
    return this.report;
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const now = new Date();
    const operations = [...this.pending.values()].map((contact) => upsertByEmail(contact, now));
    this.pending = new Map();
    const written = await bulkUpsert(operations);
    this.report.created += written.created;
    this.report.updated += written.updated;
  }
}

/** Sets the fields the row has (attributes key by key) and starts every other field empty on insert. */
function upsertByEmail(contact: ContactInput, now: Date): AnyBulkWriteOperation<Document> {
  const $set: Document = { email: contact.email, updatedAt: now };
  const $setOnInsert: Document = { createdAt: now, unsubscribedAt: null, lastSurveyedAt: null };
  for (const field of ['name', 'phone', 'segment', 'locale'] as const) {
    if (contact[field] !== undefined) $set[field] = contact[field];
    else $setOnInsert[field] = null;
  }
  const attributes = Object.entries(contact.attributes ?? {});
  for (const [name, value] of attributes) $set[`attributes.${name}`] = value;
  if (attributes.length === 0) $setOnInsert.attributes = {};
  return { updateOne: { filter: { email: contact.email }, update: { $set, $setOnInsert }, upsert: true } };
}

async function bulkUpsert(operations: AnyBulkWriteOperation<Document>[]): Promise<{ created: number; updated: number }> {
  try {
    const result = await ContactModel.collection.bulkWrite(operations, { ordered: false });
    return { created: result.upsertedCount, updated: result.matchedCount };
  } catch (error) {
    // Two imports upserting the same new email at once: one insert loses on the unique index. The
    // contact exists now, so running the losing operations again updates it.
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length === 0 || !writeErrors.every((writeError) => isDuplicateKey(writeError))) throw error;
    const again = await ContactModel.collection.bulkWrite(
      writeErrors.map((writeError) => operations[writeError.index]!),
      { ordered: false },
    );
    return { created: error.result.upsertedCount + again.upsertedCount, updated: error.result.matchedCount + again.matchedCount };
  }
}

/** Imports JSON rows (already size-checked); `row` in the report counts from 1. */
export async function importContactRows(rows: unknown[]): Promise<ImportReport> {
  const contactImport = await ContactImport.start();
  for (const [index, row] of rows.entries()) await contactImport.add(index + 1, row);
  return contactImport.finish();
}

interface CsvColumns {
  /** Fields per row, as in the header. */
  width: number;
  /** Index of each contact-field column present. */
  fields: Partial<Record<(typeof CSV_FIELD_COLUMNS)[number], number>>;
  /** Every other column: its index and the attribute name it fills. */
  attributes: { index: number; name: string }[];
}

/** Reads the header row: known columns by name (any case), the rest become attributes. */
function readHeader(header: string[]): CsvColumns {
  const columns: CsvColumns = { width: header.length, fields: {}, attributes: [] };
  const seen = new Set<string>();
  const invalid: { name: string; reason: string }[] = [];
  for (const [index, raw] of header.entries()) {
    const lower = raw.toLowerCase();
    const field = CSV_FIELD_COLUMNS.find((name) => name === lower);
    const key = field ?? raw;
    if (seen.has(key)) invalid.push({ name: `header.${raw}`, reason: 'column appears twice' });
    seen.add(key);
    if (field) columns.fields[field] = index;
    else if (!ATTRIBUTE_NAME.test(raw)) invalid.push({ name: `header.${raw || index + 1}`, reason: 'an attribute column name must be 1-64 letters, digits, spaces, "_" or "-"' });
    else columns.attributes.push({ index, name: raw });
  }
  if (columns.fields.email === undefined) invalid.push({ name: 'header.email', reason: 'the header row needs an email column' });
  if (columns.attributes.length > MAX_ATTRIBUTES) invalid.push({ name: 'header', reason: `at most ${MAX_ATTRIBUTES} attribute columns` });
  if (invalid.length > 0) throw new Invalid('The CSV header row is not usable.', invalid);
  return columns;
}

/** One CSV record as an import row; empty cells are left out, so they keep what a contact has. */
function rowFromRecord(record: string[], columns: CsvColumns): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, index] of Object.entries(columns.fields)) {
    const value = record[index];
    if (value) row[field] = value;
  }
  const attributes: Record<string, string> = {};
  for (const { index, name } of columns.attributes) {
    const value = record[index];
    if (value) attributes[name] = value;
  }
  if (Object.keys(attributes).length > 0) row.attributes = attributes;
  return row;
}

/**
 * Streams a CSV body (UTF-8, header row first) into the contacts, one batch at a time, so memory
 * stays flat whatever the file size.
 */
export async function importContactsCsv(body: Readable, maxBytes: number): Promise<ImportReport> {
  const contactImport = await ContactImport.start();
  const hadHeader = await streamCsvRows(body, maxBytes, {
    header: readHeader,
    row: (record, line, columns) => contactImport.add(line, rowFromRecord(record, columns)),
    misshapen: (record, line, reason, columns) => contactImport.rejectRow(line, record[columns.fields.email!] || undefined, [reason]),
    // The rows read before the file broke off were valid: keep them all, not just the written batches.
    brokenOff: () => contactImport.finish(),
  });
  if (!hadHeader) throw new Invalid('The CSV file is empty; it needs a header row with an email column.');
  return contactImport.finish();
}
