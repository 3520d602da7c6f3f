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
  private readonly shown: Question[];
  private readonly dropped = new Set<string>();
  private readonly problems = new Map<string, Map<string, string | null>>();
  private readonly errors = new Map<Question, Map<string, EngineError[]>>();
  private locale = '';

  constructor(private readonly engine: AnswerEngine) {
    this.shown = engine.questions.filter(isShown);
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
    const table = tableFor(this.problems, key);
    const known = table.get(memoKey);
    if (known !== undefined) return known;
    const reason = valueProblem(target, value, textCap);
    remember(table, memoKey, reason);
    return reason;
  }

  private engineErrors(data: Record<string, unknown>, rejected: Set<string>, partial: boolean): InvalidParam[] {
    this.forgetOnLocaleChange();
    const found = new Map<Question, EngineError[]>();
    const unknown: [Question, string | null][] = [];
    for (const question of this.shown) {
      if (rejected.has(question.name)) continue;
      const memoKey = verdictKey(data[question.name], data[question.name + settings.commentSuffix]);
      const known = memoKey === null ? undefined : this.errors.get(question)?.get(memoKey);
      if (known) found.set(question, known);
      else unknown.push([question, memoKey]);
    }
    if (unknown.length) {
      this.engine.model.data = { ...data };
      for (const [question, memoKey] of unknown) {
        const errors = engineErrors(question);
        found.set(question, errors);
        if (memoKey !== null) remember(tableFor(this.errors, question), memoKey, errors);
      }
    }
    return this.shown.flatMap((question) => {
      const errors = found.get(question);
      return errors ? toInvalidParams(question, errors, partial) : [];
    });
  }

  /** survey-core words its errors in the global locale, which an app may switch at run time. */
  private forgetOnLocaleChange(): void {
    const locale = `${surveyLocalization.currentLocale}\n${surveyLocalization.defaultLocale}`;
    if (locale === this.locale) return;
    this.errors.clear();
    this.locale = locale;
  }
}

function tableFor<K, V>(tables: Map<K, Map<string, V>>, owner: K): Map<string, V> {
  let table = tables.get(owner);
  if (!table) tables.set(owner, (table = new Map()));
  return table;
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
