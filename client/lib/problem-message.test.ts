import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_PROBLEM_CODES } from './api-client';
import { problemMessage } from './problem-message';

const t = (key: string) => `[${key}]`;

describe('problemMessage', () => {
  it('uses the server\'s detail and names the fields it refused', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: 'Some fields are missing or invalid.',
      invalid_params: [{ name: 'body.expiresInDays', reason: 'must be at most 90' }],
    });
    expect(problemMessage(error, t)).toBe('Some fields are missing or invalid. body.expiresInDays: must be at most 90');
  });

  it('falls back to the title, the network message, or the generic one', () => {
    expect(problemMessage(new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409 }), t)).toBe('Conflict');
    expect(problemMessage(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: CLIENT_PROBLEM_CODES.network }), t)).toBe('[error.network]');
    expect(problemMessage(new Error('boom'), t)).toBe('[error.unexpected]');
  });
});
