import safeRegex from 'safe-regex2';
import { questionIssue, type ContractIssue } from './contract-issue';
import { isPlainObject } from './plain-object';

/** Longest validator pattern a designer may save; real input masks are far shorter. */
export const MAX_VALIDATOR_PATTERN = 500;

/**
 * Designer regex validators run against public answers. A pattern with nested quantifiers (`^(a+)+$`)
 * backtracks exponentially in a backtracking engine, so such patterns are refused at save; the server
 * additionally runs validators with a linear-time engine (see server/lib/validator-regexp.ts) and the
 * browser keeps JS RegExp, where only the respondent's own tab would suffer.
 */
export function checkRegexValidators(question: Record<string, unknown>, name: string, path: string): ContractIssue[] {
  const validators = question.validators;
  if (!Array.isArray(validators)) return [];
  const issues: ContractIssue[] = [];
  validators.forEach((validator, index) => {
    if (!isPlainObject(validator) || validator.type !== 'regex' || validator.regex === undefined) return;
    const at = `${path}.validators.${index}.regex`;
    const pattern = validator.regex;
    if (typeof pattern !== 'string' || pattern.length > MAX_VALIDATOR_PATTERN) {
      issues.push(questionIssue(name, at, 'invalid-regex', `a validator pattern must be text of at most ${MAX_VALIDATOR_PATTERN} characters`));
      return;
    }
    try {
      new RegExp(pattern);
    } catch {
      issues.push(questionIssue(name, at, 'invalid-regex', 'the validator pattern is not a valid regular expression'));
      return;
    }
    if (!safeRegex(pattern)) {
      issues.push(questionIssue(name, at, 'unsafe-regex', 'the validator pattern can take exponential time (nested or repeated quantifiers); simplify it'));
    }
  });
  return issues;
}
