import { settings, surveyLocalization } from 'survey-core';
import type { Question } from 'survey-core';
import { clearsWhenHidden, engineErrors, isShown, screenAnswers, toInvalidParams, valueProblem } from './answer-validation-engine';
import type { AnswerEngine, EngineError } from './answer-validation-engine';
import { fail } from './answer-validation-types';
import type { AnswerValidationResult, InvalidParam } from './answer-validation-types';

/** Per question, at most this many remembered verdicts; a full table is emptied rather than aged. */
const MEMO_ENTRIES = 64;
/** Longer answers (free text, mostly) are unlikely to repeat and are not worth keeping. */
const MEMO_KEY_CHARS = 200;

/**
 * Validation for definitions where `reuseLevel` is `memo`: no answer can affect another question, so visibility
 * is fixed, offered values are fixed, and survey-core's errors for a question follow from its own value and
 * comment alone. Those verdicts are remembered per question; survey-core only runs for values not seen before,
 * and then on exactly the data a full validation would give it.
 */
export class MemoAnswerValidator {
  private readonly shown: ShownQuestion[];
  private readonly dropped = new Set<string>();
  private readonly problems = new Map<string, Map<string, string | null>>();
  private locale = '';

  constructor(private readonly engine: AnswerEngine) {
    // survey-core property reads are slow enough to matter here, so names are read once.
    this.shown = engine.questions
      .filter(isShown)
      .map((question) => ({
        question,
        name: question.name,
        commentKey: question.name + settings.commentSuffix,
        freeText: isPlainFreeText(question),
        errors: new Map(),
      }));
    for (const [key, { question }] of engine.answerable) {
      if (!isShown(question) && clearsWhenHidden(engine.model, question)) this.dropped.add(key);
    }
  }

  validate(answers: Record<string, unknown>, textCap: number, partial: boolean): AnswerValidationResult {
    const screened = screenAnswers(this.engine.answerable, answers);
    if (!('data' in screened)) return screened;
    const { data, invalid } = screened;
    for (const key of Object.keys(data)) if (this.dropped.has(key)) delete data[key];
    for (const [key, value] of Object.entries(data)) {
      const reason = this.valueProblem(key, value, textCap);
      if (reason === null) continue;
      invalid.push({ name: key, reason });
      delete data[key];
    }
    invalid.push(...this.engineErrors(data, new Set(invalid.map((param) => param.name)), partial));
    return invalid.length ? fail(invalid) : { ok: true, answers: data };
  }

  private valueProblem(key: string, value: unknown, textCap: number): string | null {
    const target = this.engine.answerable.get(key);
    if (!target) throw new Error(`screened answer key ${key} is not answerable`);
    const memoKey = verdictKey(textCap, value);
    if (memoKey === null) return valueProblem(target, value, textCap);
    let table = this.problems.get(key);
    if (!table) this.problems.set(key, (table = new Map()));
    const known = table.get(memoKey);
    if (known !== undefined) return known;
    const reason = valueProblem(target, value, textCap);
    remember(table, memoKey, reason);
    return reason;
  }

  private engineErrors(data: Record<string, unknown>, rejected: Set<string>, partial: boolean): InvalidParam[] {
    this.forgetOnLocaleChange();
    const found = new Map<ShownQuestion, EngineError[]>();
    const unknown: [ShownQuestion, string | null][] = [];
    for (const shown of this.shown) {
      if (rejected.has(shown.name)) continue;
      const value = data[shown.name];
      const memoKey = verdictKey(shown.freeText && typeof value === 'string' ? textShape(value) : value, data[shown.commentKey]);
      const known = memoKey === null ? undefined : shown.errors.get(memoKey);
      if (known) found.set(shown, known);
      else unknown.push([shown, memoKey]);
    }
    if (unknown.length) {
      this.engine.reset();
      this.engine.model.data = { ...data };
      for (const [shown, memoKey] of unknown) {
        const errors = engineErrors(shown.question);
        found.set(shown, errors);
        if (memoKey !== null) remember(shown.errors, memoKey, errors);
      }
    }
    return this.shown.flatMap((shown) => {
      const errors = found.get(shown);
      return errors?.length ? toInvalidParams(shown.name, errors, partial) : [];
    });
  }

  /** survey-core words its errors in the global locale, which an app may switch at run time. */
  private forgetOnLocaleChange(): void {
    const locale = `${surveyLocalization.currentLocale}\n${surveyLocalization.defaultLocale}`;
    if (locale === this.locale) return;
    for (const shown of this.shown) shown.errors.clear();
    this.locale = locale;
  }
}

interface ShownQuestion {
  question: Question;
  name: string;
  commentKey: string;
  /** A free-text question whose errors can only depend on the text's emptiness and length (see isPlainFreeText). */
  freeText: boolean;
  /** survey-core's errors for this question, by `verdictKey` of its value and comment. */
  errors: Map<string, EngineError[]>;
}

function remember<V>(table: Map<string, V>, key: string, value: V): void {
  if (table.size >= MEMO_ENTRIES) table.clear();
  table.set(key, value);
}

/**
 * A key that tells apart every pair of values survey-core could treat differently, or null when a value is not
 * worth or not safe to remember (long text, objects, -0, NaN). JSON never writes a raw newline, so joining on one
 * is unambiguous.
 */
function verdictKey(first: unknown, second: unknown): string | null {
  const a = valueKey(first);
  const b = a === null ? null : valueKey(second);
  if (a === null || b === null || a.length + b.length > MEMO_KEY_CHARS) return null;
  return `${a}\n${b}`;
}

function valueKey(value: unknown): string | null {
  if (value === undefined) return 'u';
  if (Array.isArray(value)) return value.every(isPlainScalar) ? JSON.stringify(value) : null;
  return isPlainScalar(value) ? JSON.stringify(value) : null;
}

function isPlainScalar(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);
}

/**
 * Comment and plain text questions without validators: survey-core judges their text only by being
 * empty (required) and its length, never by its words, so every answer of one length shares a verdict.
 * Free text is what customers write differently every time; without this the memo never hit for it.
 */
function isPlainFreeText(question: Question): boolean {
  const type = question.getType();
  const { inputType, maskType } = question as { inputType?: string; maskType?: string };
  const plainInput = type === 'comment' || (type === 'text' && ['', 'text', undefined].includes(inputType) && [undefined, '', 'none'].includes(maskType));
  return plainInput && (question.validators?.length ?? 0) === 0;
}

/** Stands for a free text in a memo key: blank or not, and its length. */
function textShape(text: string): string {
  return `\u0000text:${text.trim() === '' ? 'blank' : 'words'}:${text.length}`;
}
