import { describe, expect, it } from 'vitest';
import { SUBMITTED_AT_SKEW_MS, ingestResponseInputSchema, submittedAtIssue } from './response-ingest.schema';

const now = new Date('2026-03-10T12:00:00Z');
const body = { survey: '65f1c0ffee0123456789abcd', answers: { csat: 4 }, touchpoint: 'call-centre', channel: 'phone', externalId: 'call-123' };

describe('submittedAtIssue', () => {
  it('accepts the past inside the plausible years and now', () => {
    expect(submittedAtIssue(new Date('2000-01-01T00:00:00Z'), now)).toBeNull();
    expect(submittedAtIssue(new Date('2024-02-29T23:59:59Z'), now)).toBeNull();
    expect(submittedAtIssue(now, now)).toBeNull();
  });

  it('allows a few minutes of clock skew, not more', () => {
    expect(submittedAtIssue(new Date(now.getTime() + SUBMITTED_AT_SKEW_MS), now)).toBeNull();
    expect(submittedAtIssue(new Date(now.getTime() + SUBMITTED_AT_SKEW_MS + 1), now)).toBe('must not be in the future');
    expect(submittedAtIssue(new Date('2027-01-01T00:00:00Z'), now)).toBe('must not be in the future');
  });

  it('refuses years outside the plausible range', () => {
    expect(submittedAtIssue(new Date('1999-12-31T23:59:59Z'), now)).toMatch(/between 2000-01-01/);
    expect(submittedAtIssue(new Date('2100-01-01T00:00:00Z'), new Date('2100-06-01T00:00:00Z'))).toMatch(/between/);
  });
});

describe('ingestResponseInputSchema', () => {
  it('takes the minimal body and an optional version, contact and time', () => {
    expect(ingestResponseInputSchema.parse(body)).toEqual(body);
    const full = ingestResponseInputSchema.parse({ ...body, version: 2, contact: { email: ' Ann@Example.test ' }, submittedAt: '2025-05-01T09:30:00+02:00', locale: 'zh-CN' });
    expect(full.contact).toEqual({ email: 'ann@example.test' });
    expect(full.submittedAt).toEqual(new Date('2025-05-01T07:30:00Z'));
  });

  it('refuses unknown fields, both contact forms at once, and missing keys', () => {
    expect(ingestResponseInputSchema.safeParse({ ...body, submissionId: 'x' }).success).toBe(false);
    expect(ingestResponseInputSchema.safeParse({ ...body, contact: { email: 'a@b.test' }, contactId: '65f1c0ffee0123456789abcd' }).success).toBe(false);
    for (const key of ['survey', 'answers', 'touchpoint', 'channel', 'externalId'] as const) {
      const { [key]: _left, ...rest } = body;
      expect(ingestResponseInputSchema.safeParse(rest).success, key).toBe(false);
    }
  });

  it('refuses externalIds with spaces or control characters, and dates without a zone', () => {
    expect(ingestResponseInputSchema.safeParse({ ...body, externalId: 'call 1' }).success).toBe(false);
    expect(ingestResponseInputSchema.safeParse({ ...body, externalId: 'x'.repeat(201) }).success).toBe(false);
    expect(ingestResponseInputSchema.safeParse({ ...body, submittedAt: '2025-05-01T09:30:00' }).success).toBe(false);
  });
});
