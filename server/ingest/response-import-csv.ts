import type { Readable } from 'node:stream';
import { answerFromCell } from '@shared/responses/answer-cells';
import { allQuestions, type SurveyDefinitionJson, type SurveyElementJson } from '@shared/survey-definition/walk-questions';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { ResponseImportReport } from '@shared/responses/response-ingest.schema';
import type { AppContext } from '../app-context';
import { Invalid } from '../lib/errors';
import { streamCsvRows } from '../lib/streamed-import';
import { cachedOpenSurveyById, cachedPublishedDefinition } from '../surveys/survey-cache';
import { ResponseImport } from './response-import.service';

/** Columns that are fields of the row; every other column is a question, by name. */
const FIELD_COLUMNS = ['survey', 'externalId', 'touchpoint', 'channel', 'submittedAt', 'version', 'contactEmail', 'contactId', 'locale'] as const;
type FieldColumn = (typeof FIELD_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly FieldColumn[] = ['survey', 'externalId', 'touchpoint', 'channel'];
/** The prefix the response export puts on a question named like a field column. */
const ANSWER_PREFIX = 'answer:';

interface CsvColumns {
  width: number;
  fields: Partial<Record<FieldColumn, number>>;
  questions: { index: number; name: string }[];
}

/** Reads the header row: field columns by name (any case), the rest are question names. */
function readHeader(header: string[]): CsvColumns {
  const columns: CsvColumns = { width: header.length, fields: {}, questions: [] };
  const seen = new Set<string>();
  const invalid: InvalidParam[] = [];
  for (const [index, raw] of header.entries()) {
    const field = FIELD_COLUMNS.find((name) => name.toLowerCase() === raw.toLowerCase());
    const key = field ?? (raw.startsWith(ANSWER_PREFIX) ? raw.slice(ANSWER_PREFIX.length) : raw);
    if (!key) invalid.push({ name: `header.${index + 1}`, reason: 'a column needs a name' });
    else if (seen.has(key)) invalid.push({ name: `header.${raw}`, reason: 'column appears twice' });
    seen.add(key);
    if (field) columns.fields[field] = index;
    else if (key) columns.questions.push({ index, name: key });
  }
  for (const name of REQUIRED_COLUMNS) if (columns.fields[name] === undefined) invalid.push({ name: `header.${name}`, reason: `the header row needs a ${name} column` });
  if (invalid.length > 0) throw new Invalid('The CSV header row is not usable.', invalid);
  return columns;
}

const questionsByDefinition = new WeakMap<object, Map<string, SurveyElementJson>>();

/** The questions of the version a row answers (latest when it names none), by name; empty when there is no such version. */
async function questionsOf(surveyId: string | undefined, version: string | undefined): Promise<Map<string, SurveyElementJson>> {
  const survey = surveyId ? await cachedOpenSurveyById(surveyId).catch(() => null) : null;
  const number = version ? Number(version) : survey?.latestVersion;
  const definition = survey && number && Number.isInteger(number) && number >= 1 ? await cachedPublishedDefinition(survey.surveyId, number) : null;
  if (!definition) return new Map();
  let questions = questionsByDefinition.get(definition);
  if (!questions) questionsByDefinition.set(definition, (questions = new Map(allQuestions(definition as SurveyDefinitionJson).map((q) => [q.name, q]))));
  return questions;
}

/** One CSV record as an ingest body; empty cells are left out, answer cells read by their question's type. */
async function rowFromRecord(record: string[], columns: CsvColumns): Promise<Record<string, unknown>> {
  const cell = (field: FieldColumn) => {
    const index = columns.fields[field];
    return index === undefined ? undefined : record[index] || undefined;
  };
  const row: Record<string, unknown> = {};
  for (const field of ['survey', 'externalId', 'touchpoint', 'channel', 'submittedAt', 'contactId', 'locale'] as const) {
    const value = cell(field);
    if (value !== undefined) row[field] = value;
  }
  const version = cell('version');
  if (version !== undefined) row.version = /^\d+$/.test(version) ? Number(version) : version;
  const email = cell('contactEmail');
  if (email !== undefined) row.contact = { email };
  const questions = await questionsOf(cell('survey'), version);
  const answers: Record<string, unknown> = {};
  for (const { index, name } of columns.questions) {
    const text = record[index] ?? '';
    const question = questions.get(name);
    const value = question ? answerFromCell(question, text) : text || undefined;
    if (value !== undefined) answers[name] = value;
  }
  row.answers = answers;
  return row;
}

/**
 * Streams a CSV body (UTF-8, header row first) into responses: one row per response, the field
 * columns and one column per question, cells as the response export writes them.
 */
export async function importResponsesCsv(app: AppContext, body: Readable, maxBytes: number): Promise<ResponseImportReport> {
  const responseImport = new ResponseImport(app);
  const hadHeader = await streamCsvRows(body, maxBytes, {
    header: readHeader,
    row: async (record, line, columns) => responseImport.add(line, await rowFromRecord(record, columns)),
    misshapen: (record, line, reason, columns) => responseImport.rejectRow(line, record[columns.fields.externalId!] || undefined, [reason]),
    brokenOff: () => responseImport.finish(),
  });
  if (!hadHeader) throw new Invalid('The CSV file is empty; it needs a header row.');
  return responseImport.finish();
}
