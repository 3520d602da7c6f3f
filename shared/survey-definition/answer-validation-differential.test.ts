import { describe, expect, it } from 'vitest';
import { compileAnswerValidator, validateAnswers, validateAnswersWithFreshModel } from './answer-validation';
import type { SurveyDefinition } from './definition.schema';
import { getTemplate } from './templates';
import { allQuestions } from './walk-questions';
import type { SurveyElementJson } from './walk-questions';
import { seededRandom as seeded } from '../testing/seeded-random';

/** Conditions that chain across pages and panels, so hiding one answer hides, shows or re-offers others. */
const chained: SurveyDefinition = {
  pages: [
    {
      name: 'start',
      elements: [
        { type: 'boolean', name: 'customer', isRequired: true },
        { type: 'rating', name: 'csat', rateMin: 1, rateMax: 5, visibleIf: '{customer} = true', isRequired: true },
        { type: 'comment', name: 'why', visibleIf: '{csat} <= 2', isRequired: true, maxLength: 12 },
        { type: 'radiogroup', name: 'fix', visibleIf: '{why} notempty', choices: ['call', 'mail', { value: 'visit', visibleIf: '{csat} = 1' }], showOtherItem: true },
        { type: 'checkbox', name: 'topics', choices: ['price', 'staff', 'speed'], showCommentArea: true, maxSelectedChoices: 2 },
        { type: 'text', name: 'age', inputType: 'number', min: 16, clearIfInvisible: 'none', visibleIf: '{topics} contains "price"' },
      ],
    },
    {
      name: 'more',
      visibleIf: '{fix} = "call"',
      elements: [
        { type: 'text', name: 'phone', isRequired: true, validators: [{ type: 'regex', regex: '^[0-9 +]+$', text: 'digits only' }] },
        {
          type: 'panel',
          name: 'when',
          visibleIf: '{phone} notempty',
          elements: [{ type: 'dropdown', name: 'slot', choices: ['am', 'pm'], isRequired: true }],
        },
      ],
    },
  ],
};

/** No links between questions, but every kind of own-value rule, so the remembered verdicts are exercised. */
const independent: SurveyDefinition = {
  storeOthersAsComment: true,
  elements: [
    { type: 'radiogroup', name: 'via', choices: ['mail', 'phone'], showOtherItem: true, isRequired: true },
    { type: 'checkbox', name: 'tags', choices: ['a', 'b', 'c'], showCommentArea: true, minSelectedChoices: 2 },
    { type: 'boolean', name: 'agree', valueTrue: 'yes', valueFalse: 'no' },
    { type: 'text', name: 'email', inputType: 'email', validators: [{ type: 'email' }] },
    { type: 'text', name: 'age', inputType: 'number', min: 16, max: 99 },
    { type: 'comment', name: 'note', maxLength: 8, visible: false },
    { type: 'tagbox', name: 'picks', choices: [1, 2, 3] },
  ],
};

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Values a question offers, read from its JSON (rating scales default to 1–5). */
function offered(question: SurveyElementJson): unknown[] {
  if (question.type === 'rating') {
    const min = typeof question.rateMin === 'number' ? question.rateMin : 1;
    const max = typeof question.rateMax === 'number' ? question.rateMax : 5;
    return Array.from({ length: max - min + 1 }, (_, index) => min + index);
  }
  if (question.type === 'boolean') return [question.valueTrue ?? true, question.valueFalse ?? false];
  const choices = Array.isArray(question.choices) ? question.choices : [];
  return [...choices.map((choice) => (typeof choice === 'object' && choice !== null ? (choice as { value: unknown }).value : choice)), 'other'];
}

const TEXTS = ['', 'ok', 'a@example.com', 'not-an-email', '0123 456', 'far too long for twelve', '  '];
const JUNK: unknown[] = [null, '', [], 0, -3, 42, 2.5, '3', true, { x: 1 }, ['a', 'a'], 'other'];

function answerFor(random: Random, question: SurveyElementJson): unknown {
  const roll = random();
  if (roll < 0.15) return pick(random, JUNK);
  if (question.type === 'text' && question.inputType === 'number') return pick(random, [12, 16, 40, 120, '40']);
  if (question.type === 'text' || question.type === 'comment') return pick(random, TEXTS);
  const values = offered(question);
  if (question.type === 'checkbox' || question.type === 'tagbox') {
    return values.filter(() => random() < 0.4).concat(random() < 0.1 ? ['free text'] : []);
  }
  return pick(random, values);
}

/** A response with valid, invalid, missing and hidden-question answers, comment keys and the odd stray key. */
function randomResponse(random: Random, questions: SurveyElementJson[]): Record<string, unknown> {
  const response: Record<string, unknown> = {};
  const density = random();
  for (const question of questions) {
    if (random() < density) response[question.name] = answerFor(random, question);
    if (random() < 0.15) response[`${question.name}-Comment`] = pick(random, TEXTS);
  }
  if (random() < 0.05) response[pick(random, ['colour', '$set', 'a.b'])] = 1;
  return response;
}

const cases: [string, SurveyDefinition, number][] = [
  ['servqual', getTemplate('servqual'), 40],
  ['follow-up', getTemplate('follow-up'), 150],
  ['kano', getTemplate('kano'), 150],
  ['chained conditions', chained, 150],
  ['independent questions', independent, 150],
];

describe('compiled and cached validation agree with a fresh model', () => {
  it.each(cases)('%s: seeded random responses', (_label, definition, count) => {
    const random = seeded(count * 7919 + JSON.stringify(definition).length);
    const questions = allQuestions(definition);
    const compiled = compileAnswerValidator(definition);
    const cachedDefinition = structuredClone(definition);
    for (let index = 0; index < count; index += 1) {
      const answers = randomResponse(random, questions);
      const partial = random() < 0.3;
      const expected = validateAnswersWithFreshModel(definition, structuredClone(answers), { partial });
      expect(compiled(structuredClone(answers), { partial }), JSON.stringify(answers)).toEqual(expected);
      expect(validateAnswers(cachedDefinition, structuredClone(answers), { partial }), JSON.stringify(answers)).toEqual(expected);
    }
  }, 120_000);
});
