import RE2 from 're2';
import { useValidatorRegExp } from '@shared/survey-definition/validator-regexp';
import type { Logger } from './logger';

/** Matches anything: a validator the server cannot run in linear time is left to the respondent's browser. */
const UNCHECKED = /(?:)/;
const warned = new Set<string>();

/**
 * RE2 runs in time linear in the input, so no pattern saved before unsafe ones were refused can stall the
 * API. RE2 lacks lookaround and backreferences; such a pattern is not checked on the server (and logged
 * once) rather than run by a backtracking engine.
 */
export function re2ValidatorRegExp(pattern: string, flags: string, logger?: Logger): RegExp {
  try {
    return new RE2(pattern, flags);
  } catch {
    if (!warned.has(pattern)) {
      warned.add(pattern);
      logger?.warn({ pattern: pattern.slice(0, 100) }, 'validator pattern not supported by RE2; not checked on the server');
    }
    return UNCHECKED;
  }
}

/** Called once when the API starts. */
export function useLinearTimeValidators(logger: Logger): void {
  useValidatorRegExp((pattern, flags) => re2ValidatorRegExp(pattern, flags, logger));
}
