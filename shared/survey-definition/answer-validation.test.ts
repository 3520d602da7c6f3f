import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TEXT_LENGTH, validateAnswers } from './answer-validation';
import type { SurveyDefinition } from './definition.schema';

const definition: SurveyDefinition = {
  pages: [
    {
      name: 'main',
      elements: [
        { type: 'rating', name: 'nps', metric: 'nps', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'comment', name: 'why_low', metric: 'comment', visibleIf: '{nps} <= 6', isRequired: true, maxLength: 20 },
        { type: 'radiogroup', name: 'channel', choices: ['phone', 'online'], showOtherItem: true },
        { type: 'dropdown', name: 'visits', choicesMin: 1, choicesMax: 3 },
        { type: 'checkbox', name: 'liked', choices: ['speed', 'staff', 'price'], showCommentArea: true },
        { type: 'boolean', name: 'returning' },
        { type: 'text', name: 'email', inputType: 'email', validators: [{ type: 'email' }] },
        { type: 'text', name: 'age', inputType: 'number', min: 16 },
        { type: 'html', name: 'note', html: '<p>Thanks</p>' },
      ],
    },
    {
      name: 'staff',
      visibleIf: '{returning} = true',
      elements: [{ type: 'rating', name: 'staff_csat', metric: 'csat', isRequired: true }],
    },
  ],
};

const reasons = (answers: unknown, options = {}) => {
  const result = validateAnswers(definition, answers, options);
  return result.ok ? [] : result.invalidParams;
};

describe('validateAnswers: accepted answers', () => {
  it('returns the answers of a complete, valid response', () => {
    const answers = {
      nps: 4,
      why_low: 'Too slow',
      channel: 'other',
      'channel-Comment': 'Walked in',
      visits: 2,
      liked: ['staff', 'price'],
      'liked-Comment': 'Kind people',
      returning: true,
      staff_csat: 5,
      email: 'a@example.com',
      age: 40,
    };
    expect(validateAnswers(definition, answers)).toEqual({ ok: true, answers });
  });

  it('drops answers to questions the response hides, as SurveyJS does on completion', () => {
    const result = validateAnswers(definition, { nps: 9, why_low: 'hidden now', returning: false, staff_csat: 3 });
    expect(result).toEqual({ ok: true, answers: { nps: 9, returning: false } });
  });

  it('treats null, empty strings and empty selections as unanswered', () => {
    expect(validateAnswers(definition, { nps: 10, channel: null, email: '', liked: [] })).toEqual({ ok: true, answers: { nps: 10 } });
  });
});

describe('validateAnswers: rejected answers', () => {
  it('rejects input that is not a plain object', () => {
    for (const input of [null, [], 'nps=9', 9]) {
      expect(reasons(input)).toEqual([{ name: 'answers', reason: 'must be an object keyed by question name' }]);
    }
  });

  it('refuses more keys than the survey can take before looking at them', () => {
    const flood = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 1]));
    expect(reasons(flood)).toEqual([{ name: 'answers', reason: 'has 50 keys; this survey takes at most 11' }]);
  });

  it('rejects unknown and display-only question names', () => {
    expect(reasons({ nps: 9, colour: 'red', note: 'x' })).toEqual([
      { name: 'colour', reason: 'is not a question of this survey' },
      { name: 'note', reason: 'is not a question of this survey' },
    ]);
  });

  it('rejects keys that could act as MongoDB operators or paths', () => {
    expect(reasons(JSON.parse('{"nps": 9, "$set": 1, "a.b": 2, "__proto__": 3}'))).toEqual([
      { name: '$set', reason: 'is not an allowed answer key' },
      { name: 'a.b', reason: 'is not an allowed answer key' },
      { name: '__proto__', reason: 'is not an allowed answer key' },
    ]);
  });

  it.each([11, -1, 7.5, '9', true])('rejects the NPS answer %j outside its integer scale', (value) => {
    expect(reasons({ nps: value })).toEqual([{ name: 'nps', reason: 'must be one of 0–10' }]);
  });

  it('rejects a choice that is not offered', () => {
    expect(reasons({ nps: 9, visits: 4 })).toEqual([{ name: 'visits', reason: 'must be one of 1–3' }]);
    expect(reasons({ nps: 9, channel: 'fax' })).toEqual([{ name: 'channel', reason: 'must be one of "phone", "online", "other"' }]);
  });

  it('rejects a malformed checkbox answer', () => {
    expect(reasons({ nps: 9, liked: 'staff' })).toEqual([{ name: 'liked', reason: 'must be a list of choices' }]);
    expect(reasons({ nps: 9, liked: ['staff', 'staff'] })).toEqual([{ name: 'liked', reason: 'must not repeat a choice' }]);
    expect(reasons({ nps: 9, liked: ['staff', 'parking'] })).toEqual([
      { name: 'liked', reason: 'must only contain "speed", "staff", "price"' },
    ]);
  });

  it('rejects wrong types for boolean, text and numeric text', () => {
    expect(reasons({ nps: 9, returning: 'yes', email: 42, age: '40' })).toEqual([
      { name: 'returning', reason: 'must be true or false' },
      { name: 'email', reason: 'must be text' },
      { name: 'age', reason: 'must be a number' },
    ]);
  });

  it("enforces a question's maxLength, the default text cap and the comment keys' cap", () => {
    expect(reasons({ nps: 3, why_low: 'x'.repeat(21) })).toEqual([{ name: 'why_low', reason: 'must be at most 20 characters' }]);
    const long = 'x'.repeat(DEFAULT_MAX_TEXT_LENGTH + 1);
    expect(reasons({ nps: 9, email: long })).toEqual([{ name: 'email', reason: `must be at most ${DEFAULT_MAX_TEXT_LENGTH} characters` }]);
    expect(reasons({ nps: 9, 'liked-Comment': 'x'.repeat(11) }, { maxTextLength: 10 })).toEqual([
      { name: 'liked-Comment', reason: 'must be at most 10 characters' },
    ]);
  });

  it('rejects a comment key for a question without a comment area', () => {
    expect(reasons({ nps: 9, 'visits-Comment': 'hi' })).toEqual([{ name: 'visits-Comment', reason: 'is not a question of this survey' }]);
  });

  it('requires required answers, including ones a condition made visible', () => {
    expect(reasons({})).toEqual([{ name: 'nps', reason: 'an answer is required' }]);
    expect(reasons({ nps: 2, returning: true })).toEqual([
      { name: 'why_low', reason: 'an answer is required' },
      { name: 'staff_csat', reason: 'an answer is required' },
    ]);
  });

  it('skips required checks for a partial response but still checks values', () => {
    expect(reasons({ nps: 2 }, { partial: true })).toEqual([]);
    expect(reasons({ nps: 20 }, { partial: true })).toEqual([{ name: 'nps', reason: 'must be one of 0–10' }]);
  });

  it("runs the definition's own validators through survey-core", () => {
    expect(reasons({ nps: 9, email: 'not-an-email', age: 12 })).toEqual([
      { name: 'email', reason: 'Please enter a valid e-mail address.' },
      { name: 'age', reason: "The value should not be less than 16" },
    ]);
    expect(reasons({ nps: 9, channel: 'other' })).toEqual([{ name: 'channel', reason: 'Response required: enter another value.' }]);
  });
});

describe('validateAnswers: SurveyJS value conventions', () => {
  it('accepts custom boolean values and Other text stored in place of the choice', () => {
    const custom: SurveyDefinition = {
      storeOthersAsComment: false,
      elements: [
        { type: 'boolean', name: 'agree', valueTrue: 'yes', valueFalse: 'no' },
        { type: 'radiogroup', name: 'via', choices: ['mail'], showOtherItem: true },
        { type: 'checkbox', name: 'tags', choices: ['a', 'b'], showOtherItem: true },
      ],
    };
    const answers = { agree: 'no', via: 'carrier pigeon', tags: ['a', 'something else'] };
    expect(validateAnswers(custom, answers)).toEqual({ ok: true, answers });
    expect(validateAnswers(custom, { agree: true })).toEqual({ ok: false, invalidParams: [{ name: 'agree', reason: 'must be "yes" or "no"' }] });
  });

  it('offers only the choices visible for this response', () => {
    const conditional: SurveyDefinition = {
      elements: [
        { type: 'boolean', name: 'member' },
        { type: 'radiogroup', name: 'perk', choices: ['coffee', { value: 'lounge', visibleIf: '{member} = true' }] },
      ],
    };
    expect(validateAnswers(conditional, { member: true, perk: 'lounge' }).ok).toBe(true);
    expect(validateAnswers(conditional, { member: false, perk: 'lounge' })).toEqual({
      ok: false,
      invalidParams: [{ name: 'perk', reason: 'must be one of "coffee"' }],
    });
  });
});

describe('validateAnswers: free text verdicts remembered by shape', () => {
  it('tells a blank required comment from words of the same length, whatever came first', () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'comment', name: 'why', isRequired: true }] }] } as SurveyDefinition;
    expect(validateAnswers(definition, { why: 'abc' })).toEqual({ ok: true, answers: { why: 'abc' } });
    expect(validateAnswers(definition, { why: 'xyz' })).toEqual({ ok: true, answers: { why: 'xyz' } });
    expect(validateAnswers(definition, { why: '   ' }).ok).toBe(false);
    expect(validateAnswers(definition, { why: 'a b' })).toEqual({ ok: true, answers: { why: 'a b' } });
    expect(validateAnswers(definition, { why: '   ' }).ok).toBe(false);
  });

  it('still judges a text question with a validator by its words', () => {
    const definition = {
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex: '^[0-9]+$' }] }] }],
    } as SurveyDefinition;
    expect(validateAnswers(definition, { code: '123' }).ok).toBe(true);
    expect(validateAnswers(definition, { code: 'abc' }).ok).toBe(false);
  });
});
