import { describe, expect, it } from 'vitest';
import { compileAnswerValidator, validateAnswers, validateAnswersWithFreshModel } from './answer-validation';
import { reuseLevel } from './answer-validation-reuse';
import type { SurveyDefinition } from './definition.schema';
import { getTemplate } from './templates';

/** Conditions, choice conditions, a hidden page, "Other" stored as a comment, a comment area and validators. */
const linked: SurveyDefinition = {
  pages: [
    {
      name: 'main',
      elements: [
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'comment', name: 'why_low', visibleIf: '{nps} <= 6', isRequired: true, maxLength: 20 },
        { type: 'radiogroup', name: 'channel', choices: ['phone', 'online'], showOtherItem: true },
        { type: 'checkbox', name: 'liked', choices: ['speed', { value: 'staff', visibleIf: '{nps} >= 7' }], showCommentArea: true },
        { type: 'boolean', name: 'returning' },
        { type: 'text', name: 'email', validators: [{ type: 'email' }] },
      ],
    },
    { name: 'staff', visibleIf: '{returning} = true', elements: [{ type: 'rating', name: 'staff_csat', isRequired: true }] },
  ],
};

const responseA = {
  nps: 3,
  why_low: 'slow',
  channel: 'other',
  'channel-Comment': 'walked in',
  liked: ['speed'],
  'liked-Comment': 'quick',
  returning: true,
  staff_csat: 4,
  email: 'a@example.com',
};
/** Hides why_low and the staff page, offers `staff`, leaves "Other" without its text and breaks the e-mail. */
const responseB = { nps: 9, why_low: 'hidden now', channel: 'other', liked: ['staff'], returning: false, staff_csat: 2, email: 'nope' };
const responseC = {};

describe('compileAnswerValidator', () => {
  it('gives each call the result of a fresh model, whatever the calls before it held', () => {
    const validate = compileAnswerValidator(linked);
    const sequence = [responseA, responseB, responseA, responseC, responseB, responseC, responseA];
    for (const answers of sequence) {
      expect(validate(answers)).toEqual(validateAnswersWithFreshModel(linked, answers));
      expect(validate(answers, { partial: true })).toEqual(validateAnswersWithFreshModel(linked, answers, { partial: true }));
    }
  });

  it('keeps no values, comments, errors or visibility from one call in the next', () => {
    const validate = compileAnswerValidator(linked);
    expect(validate(responseA)).toEqual({ ok: true, answers: responseA });
    expect(validate(responseB)).toEqual({
      ok: false,
      invalidParams: [
        { name: 'channel', reason: 'Response required: enter another value.' },
        { name: 'email', reason: 'Please enter a valid e-mail address.' },
      ],
    });
    // After B, `staff` was offered and why_low hidden; an empty response must see the survey as new again.
    expect(validate({})).toEqual({ ok: false, invalidParams: [{ name: 'nps', reason: 'an answer is required' }] });
    expect(validate({ nps: 2, liked: ['staff'] })).toEqual({
      ok: false,
      invalidParams: [
        { name: 'liked', reason: 'must only contain "speed"' },
        { name: 'why_low', reason: 'an answer is required' },
      ],
    });
    expect(validate(responseA)).toEqual({ ok: true, answers: responseA });
  });

  it('forgets an array sent to a rating, which survey-core would keep as [] and read in conditions', () => {
    const validate = compileAnswerValidator(linked);
    expect(validate({ nps: ['a', 'a'] })).toEqual(validateAnswersWithFreshModel(linked, { nps: ['a', 'a'] }));
    expect(validate({})).toEqual({ ok: false, invalidParams: [{ name: 'nps', reason: 'an answer is required' }] });
  });

  it('applies its own text cap and refuses non-objects like validateAnswers', () => {
    const validate = compileAnswerValidator(linked, { maxTextLength: 3 });
    expect(validate({ nps: 9, 'liked-Comment': 'abcd' })).toEqual({
      ok: false,
      invalidParams: [{ name: 'liked-Comment', reason: 'must be at most 3 characters' }],
    });
    expect(validate([])).toEqual(validateAnswers(linked, []));
  });

  it('remembers verdicts per value for independent questions without mixing them up', () => {
    const servqual = getTemplate('servqual');
    const validate = compileAnswerValidator(servqual);
    const answers = [{ expectation_tangibles_1: 3 }, { expectation_tangibles_1: 9 }, { expectation_tangibles_1: '3' }, {}];
    for (const response of [...answers, ...answers]) {
      expect(validate(response)).toEqual(validateAnswersWithFreshModel(servqual, response));
    }
  });
});

describe('validateAnswers cache', () => {
  it('answers the same for the same definition object and for a copy of it', () => {
    for (const answers of [responseA, responseB, responseA]) {
      expect(validateAnswers(linked, answers)).toEqual(validateAnswers(structuredClone(linked), answers));
    }
  });
});

describe('reuseLevel', () => {
  it('remembers per question only when no answer can reach another question', () => {
    expect(reuseLevel(getTemplate('servqual'))).toBe('memo');
    expect(reuseLevel(getTemplate('kano'))).toBe('memo');
    expect(reuseLevel({ elements: [{ type: 'rating', name: 'a', title: 'You said {b}' }] })).toBe('memo');
    expect(reuseLevel(linked)).toBe('reuse');
    expect(reuseLevel({ elements: [{ type: 'text', name: 'a', validators: [{ type: 'expression', expression: '{a} > {b}' }] }] })).toBe('reuse');
    expect(reuseLevel({ elements: [{ type: 'text', name: 'a', validators: [{ type: 'regex', regex: 'x', text: 'Not {b}' }] }] })).toBe('reuse');
  });

  it('builds a model per call when survey-core state would depend on earlier values', () => {
    expect(reuseLevel({ clearInvisibleValues: 'onHidden', elements: [{ type: 'text', name: 'a' }] })).toBe('fresh');
    expect(reuseLevel({ elements: [{ type: 'text', name: 'a', clearIfInvisible: 'onHiddenContainer' }] })).toBe('fresh');
    expect(reuseLevel({ elements: [{ type: 'text', name: 'a', defaultValue: 'x' }] })).toBe('fresh');
    expect(reuseLevel({ elements: [{ type: 'matrixdynamic', name: 'a' }] })).toBe('fresh');
    expect(reuseLevel({ triggers: [{ type: 'setvalue' }], elements: [] })).toBe('fresh');
  });
});
