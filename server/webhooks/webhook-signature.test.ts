import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, webhookHeaders } from './webhook-signature';

describe('webhook signatures', () => {
  it('verify with the standardwebhooks library, and fail when forged, altered or stale', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ id: 'evt_x', type: 'response.created', timestamp: '2026-01-01T00:00:00.000Z', data: { a: 1 } });
    const headers = webhookHeaders(secret, 'evt_x', body, new Date());
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));

    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('"a":1', '"a":2'), headers)).toThrow();
    const stale = webhookHeaders(secret, 'evt_x', body, new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(secret).verify(body, stale)).toThrow(/too old/i);
  });
});
