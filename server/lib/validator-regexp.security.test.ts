import { afterEach, describe, expect, it } from 'vitest';
import { validateAnswers } from '@shared/survey-definition/answer-validation';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { useValidatorRegExp } from '@shared/survey-definition/validator-regexp';
import { re2ValidatorRegExp } from './validator-regexp';

// A definition saved before unsafe patterns were refused: the server must still answer promptly.
const hostile = (): SurveyDefinition => ({
  pages: [{ name: 'p', elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex: '^(a+)+$' }] }] }],
});

afterEach(() => useValidatorRegExp((pattern, flags) => new RegExp(pattern, flags)));

describe('validator regexes on the server', () => {
  it('tests a catastrophic pattern against a hostile answer in linear time', () => {
    useValidatorRegExp(re2ValidatorRegExp);
    const started = performance.now();
    // With JS RegExp this input takes on the order of 2^40 steps; it is deliberately not run that way.
    const result = validateAnswers(hostile(), { code: `${'a'.repeat(40)}!` });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    expect(validateAnswers(hostile(), { code: 'aaaa' }).ok).toBe(true);
  });

  it('keeps the case-insensitive flag', () => {
    useValidatorRegExp(re2ValidatorRegExp);
    const definition: SurveyDefinition = {
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex: '^abc$', caseInsensitive: true }] }] }],
    };
    expect(validateAnswers(definition, { code: 'ABC' }).ok).toBe(true);
    expect(validateAnswers(definition, { code: 'abd' }).ok).toBe(false);
  });

  it('leaves a pattern RE2 cannot run unchecked instead of backtracking', () => {
    expect(re2ValidatorRegExp('^(a)\\1$', '').test('anything')).toBe(true);
    expect(re2ValidatorRegExp('^a$', '').constructor.name).toBe('RE2');
  });
});
