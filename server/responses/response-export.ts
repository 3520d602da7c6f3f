import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Response } from 'express';
import type { QueryFilter, Types } from 'mongoose';
import { z } from 'zod';
import { CSV_BOM, csvRow, type CsvValue } from '@shared/csv/csv-format';
import { RESPONSE_METRICS } from '@shared/responses/response-list.schema';
import { plausibleDaySchema } from '@shared/http/date-range.schema';
import { slugSchema } from '@shared/survey-definition/metric-vocabulary';
import { UI_LOCALES, type LocalizableText } from '@shared/survey-definition/survey-locale';
import { allQuestions, type SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { NotFound } from '../lib/errors';
import { SurveyModel } from '../surveys/survey.model';
import { findPublishedDefinition } from '../surveys/survey.service';
import { ResponseModel, type ResponseDoc } from './response.model';

const DAY_MS = 86_400_000;

/**
 * Query of `GET /api/surveys/:id/responses.csv`: whole UTC days, both ends included (the dashboard's
 * date range), optionally one touchpoint and one channel.
 */
const exportRange = z.object({
  from: plausibleDaySchema.optional(),
  to: plausibleDaySchema.optional(),
  touchpoint: slugSchema.optional(),
  channel: slugSchema.optional(),
});
const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) => q.from === undefined || q.to === undefined || q.from <= q.to;
const rangeMessage = { message: '`from` must not be after `to`', path: ['from'] };
export const exportResponsesQuerySchema = exportRange.strict().refine(fromNotAfterTo, rangeMessage);
/** Query of `GET /api/surveys/:id/responses.xlsx`: the CSV's, plus the language of the question headers. */
export const exportResponsesXlsxQuerySchema = exportRange.extend({ lang: z.enum(UI_LOCALES).default('en') }).strict().refine(fromNotAfterTo, rangeMessage);
export type ExportResponsesQuery = z.infer<typeof exportResponsesQuerySchema>;

/** Columns every export starts with, before one column per question. */
export const FIXED_COLUMNS = ['id', 'submittedAt', 'version', 'touchpoint', 'channel', 'segment', 'locale', ...RESPONSE_METRICS] as const;

// Elements that show something but collect no answer.
const DISPLAY_ONLY = new Set(['html', 'image', 'expression']);

/** Question names of a definition in page order; a name that clashes with a fixed column gets an `answer:` prefix in the header. */
function questionColumns(definition: SurveyDefinitionJson | null): ExportColumn[] {
  if (!definition) return [];
  const fixed = new Set<string>(FIXED_COLUMNS);
  const seen = new Set<string>();
  const columns: ExportColumn[] = [];
  for (const question of allQuestions(definition)) {
    if (DISPLAY_ONLY.has(question.type) || seen.has(question.name)) continue;
    seen.add(question.name);
    columns.push({
      name: question.name,
      header: fixed.has(question.name) ? `answer:${question.name}` : question.name,
      ...(question.title === undefined ? {} : { title: question.title as LocalizableText }),
    });
  }
  return columns;
}

/** An answer as one cell: lists joined with "; ", objects (matrices, multiple text) as JSON. */
function answerCell(value: unknown): CsvValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

function filterFor(surveyId: Types.ObjectId, query: ExportResponsesQuery): QueryFilter<ResponseDoc> {
  const filter: QueryFilter<ResponseDoc> = { surveyId };
  if (query.touchpoint) filter.touchpoint = query.touchpoint;
  if (query.channel) filter.channel = query.channel;
  if (query.from || query.to) {
    filter.submittedAt = {
      ...(query.from ? { $gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      ...(query.to ? { $lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return filter;
}

/** One column of the export: fixed columns have no title; questions keep their (localizable) title. */
export interface ExportColumn {
  name: string;
  header: string;
  title?: LocalizableText;
}

/** A cell before formatting: CSV writes a date as ISO text, XLSX as a date cell. */
export type ExportValue = CsvValue | Date;

/** Writes an export in one file format; `row` returns a stream to wait for when it is backed up, else null. */
export interface ExportSink {
  contentType: string;
  extension: string;
  start(columns: readonly ExportColumn[]): void;
  row(values: readonly ExportValue[]): Writable | null;
  finish(): Promise<void>;
}

/** The fixed columns and the question columns of an export, in order. */
function exportColumns(definition: SurveyDefinitionJson | null): ExportColumn[] {
  return [...FIXED_COLUMNS.map((name) => ({ name, header: name })), ...questionColumns(definition)];
}

/** One response as cells in the order of `exportColumns` (questions given by `columns`). */
function exportRow(doc: ResponseDoc, columns: readonly ExportColumn[]): ExportValue[] {
  const metrics = (doc.metrics ?? {}) as Partial<Record<(typeof RESPONSE_METRICS)[number], number>>;
  const answers = (doc.answers ?? {}) as Record<string, unknown>;
  return [
    doc._id.toString(),
    doc.submittedAt,
    doc.version,
    doc.touchpoint,
    doc.channel,
    doc.segment,
    doc.locale,
    ...RESPONSE_METRICS.map((metric) => metrics[metric]),
    ...columns.map((column) => answerCell(answers[column.name])),
  ];
}

/** CSV: BOM, header of question names, ISO date-times. */
export function csvSink(res: Response): ExportSink {
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    start(columns) {
      res.write(CSV_BOM + csvRow(columns.map((column) => column.header)));
    },
    row(values) {
      return res.write(csvRow(values.map((value) => (value instanceof Date ? value.toISOString() : value)))) ? null : res;
    },
    finish() {
      res.end();
      return Promise.resolve();
    },
  };
}

/**
 * Waits for `stream` (the response or a stage before it) to drain or the response to close, then drops
 * both listeners (a race alone leaves the loser's behind, one per wait).
 */
async function drainedOrClosed(stream: Writable, res: Response): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

/**
 * Streams a survey's responses through `sink`, oldest first, one document at a time from a cursor,
 * waiting for the socket to drain so memory stays flat however many responses there are. Columns
 * follow the latest published definition; answers to questions it no longer has are left out.
 */
export async function streamResponses(surveyId: string, query: ExportResponsesQuery, res: Response, sink: ExportSink): Promise<void> {
  const survey = await SurveyModel.findById(surveyId, { slug: 1, latestVersion: 1 }).lean();
  if (!survey) throw new NotFound(`There is no survey ${surveyId}.`);
  const definition = survey.latestVersion ? await findPublishedDefinition(surveyId, survey.latestVersion) : null;
  const columns = exportColumns(definition as SurveyDefinitionJson | null);
  const questions = columns.slice(FIXED_COLUMNS.length);

  const period = [query.from, query.to].filter(Boolean).join('_to_');
  res.status(200);
  res.setHeader('Content-Type', sink.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="responses-${survey.slug}${period ? `-${period}` : ''}.${sink.extension}"`);
  res.setHeader('Cache-Control', 'no-store');
  sink.start(columns);

  const cursor = ResponseModel.find(filterFor(survey._id, query)).sort({ submittedAt: 1, _id: 1 }).lean<ResponseDoc[]>().cursor({ batchSize: 500 });
  let aborted = false;
  const onClose = () => {
    aborted = true;
  };
  res.once('close', onClose);
  try {
    for await (const doc of cursor) {
      if (aborted) break;
      const backedUp = sink.row(exportRow(doc, questions));
      if (backedUp) await drainedOrClosed(backedUp, res);
    }
  } finally {
    res.off('close', onClose);
    await cursor.close();
  }
  if (!aborted) await sink.finish();
}
