// Answer validation benchmark: `node --import tsx scripts/bench/validate-answers.ts [--quick]`.
// Per-response cost of a fresh survey-core model per call against the compiled validator, measured in one run;
// the ratio is what to read, the microseconds depend on the machine.
import { parseArgs } from 'node:util';
import { compileAnswerValidator, validateAnswers, validateAnswersWithFreshModel } from '../../shared/survey-definition/answer-validation';
import type { AnswerValidationResult } from '../../shared/survey-definition/answer-validation';
import type { SurveyDefinition, SurveyElement } from '../../shared/survey-definition/definition.schema';
import { getTemplate } from '../../shared/survey-definition/templates';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const SCALE = flags.quick ? 0.1 : 1;

type Response = Record<string, unknown>;

/** 300 questions of every answer type, a third of them behind a condition on the question before. */
function largeDefinition(): SurveyDefinition {
  const kinds: ((name: string) => SurveyElement)[] = [
    (name) => ({ type: 'rating', name, rateMin: 1, rateMax: 5, isRequired: true }),
    (name) => ({ type: 'radiogroup', name, choices: ['a', 'b', 'c'], showOtherItem: true }),
    (name) => ({ type: 'checkbox', name, choices: ['x', 'y', 'z'] }),
    (name) => ({ type: 'boolean', name }),
    (name) => ({ type: 'comment', name, maxLength: 200 }),
  ];
  const elements = Array.from({ length: 300 }, (_, index) => {
    const question = kinds[index % kinds.length]!(`q${index}`);
    return index % 3 === 2 ? { ...question, visibleIf: `{q${index - 1}} notempty` } : question;
  });
  return { pages: [0, 1, 2].map((page) => ({ name: `p${page}`, elements: elements.slice(page * 100, page * 100 + 100) })) };
}

/** Responses that vary from call to call, as real submissions do; comment text is never repeated. */
function responsesFor(definition: SurveyDefinition, count: number, withText: boolean): Response[] {
  const questions = (definition.pages ?? []).flatMap((page) => (page.elements ?? []) as Record<string, unknown>[]);
  return Array.from({ length: count }, (_, call) => {
    const response: Response = {};
    questions.forEach((question, index) => {
      const pick = (call + index) % 7;
      switch (question.type) {
        case 'rating':
          response[question.name as string] = (pick % ((question.rateMax as number) ?? 5)) + ((question.rateMin as number) ?? 1);
          break;
        case 'radiogroup':
          response[question.name as string] = ['a', 'b', 'c'][pick % 3];
          break;
        case 'checkbox':
          response[question.name as string] = pick % 2 ? ['x'] : ['y', 'z'];
          break;
        case 'boolean':
          response[question.name as string] = pick % 2 === 0;
          break;
        case 'comment':
          if (withText) response[question.name as string] = `Response ${call}: fine overall, question ${index}.`;
          break;
      }
    });
    return response;
  });
}

function perCallMicros(calls: number, run: (index: number) => AnswerValidationResult): number {
  // Warm-up: the first call compiles, and the JIT needs a few rounds.
  for (let index = 0; index < Math.min(calls, 20); index += 1) run(index);
  const started = performance.now();
  for (let index = 0; index < calls; index += 1) {
    if (!run(index).ok) throw new Error(`benchmark response ${index} was rejected`);
  }
  return ((performance.now() - started) / calls) * 1000;
}

interface Case {
  label: string;
  definition: SurveyDefinition;
  withText: boolean;
  /** Calls per measurement, fresh and compiled, sized so each takes a second or two. */
  calls: [fresh: number, compiled: number];
}
const cases: Case[] = [
  { label: 'SERVQUAL template (44 ratings)', definition: getTemplate('servqual'), withText: false, calls: [40, 20_000] },
  { label: 'follow-up template, with comment text', definition: getTemplate('follow-up'), withText: true, calls: [200, 20_000] },
  { label: '300 questions, conditions', definition: largeDefinition(), withText: false, calls: [4, 40] },
  { label: '300 questions, conditions, comment text', definition: largeDefinition(), withText: true, calls: [4, 40] },
];

const rows: string[][] = [['definition', 'fresh µs/resp', 'compiled µs/resp', 'validateAnswers µs/resp', 'fresh / compiled']];
for (const { label, definition, withText, calls } of cases) {
  const [freshCalls, compiledCalls] = calls.map((count) => Math.max(2, Math.round(count * SCALE))) as [number, number];
  // Two compiled runs of warm-up plus calls each, all distinct.
  const responses = responsesFor(definition, 2 * (compiledCalls + 20), withText);
  let next = 0;
  const at = (): Response => responses[next++ % responses.length]!;
  const compiled = compileAnswerValidator(definition);
  const fresh = perCallMicros(freshCalls, () => validateAnswersWithFreshModel(definition, at()));
  const reused = perCallMicros(compiledCalls, () => compiled(at()));
  const cached = perCallMicros(compiledCalls, () => validateAnswers(definition, at()));
  rows.push([label, fresh.toFixed(0), reused.toFixed(1), cached.toFixed(1), `${(fresh / reused).toFixed(1)}×`]);
  console.error(`  ${label}: done`);
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => (column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  '));
