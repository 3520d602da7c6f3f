import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { isNotFound } from './Loaded';

const problem = (status: number) => new ApiError(status, { type: 'about:blank', title: 'x', status });

describe('isNotFound', () => {
  it('reads 404 and a malformed id (400) as "no such thing"', () => {
    expect(isNotFound(problem(404))).toBe(true);
    expect(isNotFound(problem(400))).toBe(true);
  });

  it('treats server errors, refusals and non-API errors as failures to retry', () => {
    expect(isNotFound(problem(500))).toBe(false);
    expect(isNotFound(problem(403))).toBe(false);
    expect(isNotFound(new Error('offline'))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });
});
