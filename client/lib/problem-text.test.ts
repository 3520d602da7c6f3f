import { describe, expect, it } from 'vitest';
import { en, type Messages } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { zhCN } from '../i18n/zh-CN';
import { ApiError, CLIENT_PROBLEM_CODES } from './api-client';
import { problemText } from './problem-text';

const tIn = (catalog: Messages): Translate => (key) => catalog[key];

const problem = (code: string, detail?: string) => new ApiError(0, { type: 'about:blank', title: 'Client title', status: 0, code, detail });

describe('problemText', () => {
  it('says a failure the client detected in the reader language, not with its English title', () => {
    expect(problemText(problem(CLIENT_PROBLEM_CODES.network, 'Failed to fetch'), tIn(zhCN))).toBe(zhCN['error.network']);
    expect(problemText(problem(CLIENT_PROBLEM_CODES.invalidReply, 'GET /x: id Required'), tIn(zhCN))).toBe(zhCN['error.unexpected']);
    expect(problemText(new TypeError('x is undefined'), tIn(en))).toBe(en['error.unexpected']);
  });

  it('tells a server problem in its own words, its detail before its title', () => {
    const server = (detail?: string) => new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail });
    expect(problemText(server('The survey was changed meanwhile.'), tIn(en))).toBe('The survey was changed meanwhile.');
    expect(problemText(server(), tIn(en))).toBe('Conflict');
  });
});
