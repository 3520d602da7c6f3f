import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '../harness/platform';

/** A survey touching every answer rule the submit endpoint enforces. */
export const SERVICE_SURVEY = {
  title: 'Branch visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'satisfaction', title: 'How satisfied are you with your visit?', metric: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'rating', name: 'recommend', title: 'How likely are you to recommend us?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'radiogroup', name: 'reason', title: 'Main reason for your visit', choices: ['account', 'loan', 'advice'] },
        { type: 'checkbox', name: 'services', title: 'Services used', choices: ['counter', 'atm', 'advisor'] },
        { type: 'boolean', name: 'returning', title: 'Have you visited before?' },
      ],
    },
    {
      name: 'details',
      elements: [
        { type: 'text', name: 'visits', title: 'Visits this year', inputType: 'number' },
        { type: 'comment', name: 'remarks', title: 'Anything else?', maxLength: 200 },
      ],
    },
  ],
};

/** A valid submission body for SERVICE_SURVEY; fill time well above the bot threshold. */
export function validSubmission(version: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version,
    submissionId: randomUUID(),
    answers: { satisfaction: 4, recommend: 9, reason: 'loan', services: ['counter', 'atm'], returning: true, visits: 3, remarks: 'Quick and kind.' },
    elapsedMs: 45_000,
    ...overrides,
  };
}

/**
 * Creates and publishes a survey as admin; returns its id, slug and published version. Its anonymous
 * answers may name any touchpoint/channel unless `allowUnsignedTags: false` (the product's default,
 * tested in test/security/signed-tags.test.ts).
 */
export async function publishSurvey(tp: TestPlatform, cookie: string, definition: object = SERVICE_SURVEY, options: { allowUnsignedTags?: boolean } = {}) {
  const body = { title: 'Branch visit', definition, allowUnsignedTags: options.allowUnsignedTags ?? true };
  const created = await tp.request('/api/surveys', { cookie, body });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const { id, slug } = created.body as { id: string; slug: string };
  const published = await tp.request(`/api/surveys/${id}/publish`, { cookie, method: 'POST' });
  if (published.status !== 201) throw new Error(`publish failed: ${published.status} ${published.text}`);
  return { id, slug, version: (published.body as { version: number }).version };
}

export type Problem = { status: number; code?: string; detail?: string; invalid_params?: { name: string; reason: string }[] };

/** Creates an `integration` account as admin and returns an API token an admin issued for it. */
export async function integrationToken(tp: TestPlatform, cookie: string, email: string): Promise<string> {
  const created = await tp.request('/api/users', { cookie, body: { email, name: email, role: 'integration', password: 'long-enough-password' } });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const issued = await tp.request(`/api/users/${(created.body as { user: { id: string } }).user.id}/tokens`, { cookie, body: { name: email } });
  if (issued.status !== 201) throw new Error(`token failed: ${issued.status} ${issued.text}`);
  return (issued.body as { token: string }).token;
}
