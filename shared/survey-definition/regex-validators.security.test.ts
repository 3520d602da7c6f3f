import { describe, expect, it } from 'vitest';
import { checkDefinitionContract } from './definition-contract';

const withPattern = (regex: unknown) => ({
  pages: [{ name: 'p', elements: [{ type: 'text', name: 'code', validators: [{ type: 'regex', regex, text: 'Give a code' }] }] }],
});

describe('regex validators at save', () => {
  it.each(['^(a+)+$', '(x+x+)+y', '^(\\w+\\s?)*$'])('refuses the backtracking-prone pattern %s, naming the question', (pattern) => {
    const issues = checkDefinitionContract(withPattern(pattern));
    expect(issues).toEqual([expect.objectContaining({ question: 'code', code: 'unsafe-regex', path: 'pages.0.elements.0.validators.0.regex' })]);
    expect(issues[0]?.message).toMatch(/^Question "code"/);
  });
  it('refuses a pattern that is not a regular expression, or is too long', () => {
    expect(checkDefinitionContract(withPattern('(unclosed'))[0]?.code).toBe('invalid-regex');
    expect(checkDefinitionContract(withPattern('a'.repeat(501)))[0]?.code).toBe('invalid-regex');
    expect(checkDefinitionContract(withPattern(42))[0]?.code).toBe('invalid-regex');
  });
  it('accepts ordinary input masks', () => {
    expect(checkDefinitionContract(withPattern('^[A-Z]{3}-\\d{4}$'))).toEqual([]);
    expect(checkDefinitionContract(withPattern('^\\+?[0-9 ]{6,20}$'))).toEqual([]);
  });
});
