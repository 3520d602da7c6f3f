import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../i18n/locale';
import { loadCustomerCase, looksLikeCustomerCase, sendResolutionFeedback, tokenFromPath } from './case-customer-api';
import { caseMessages } from './case-messages';

const view = { ref: 'C-000001', summary: 'Card blocked', open: false, feedbackAsked: true, feedbackGiven: false, messages: [{ at: '2026-01-01T00:00:00.000Z', from: 'agent', text: 'Fixed.' }] };
const reply = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the customer case page API', () => {
  it('reads the token from /c/:token only', () => {
    expect(tokenFromPath('/c/12-0-1700000000.abcdefghijklmnopqrstuv')).toBe('12-0-1700000000.abcdefghijklmnopqrstuv');
    expect(tokenFromPath('/c/')).toBeNull();
    expect(tokenFromPath('/s/abc')).toBeNull();
  });

  it('accepts a case view and nothing that only looks half like one', () => {
    expect(looksLikeCustomerCase(view)).toBe(true);
    expect(looksLikeCustomerCase({ ...view, open: 'no' })).toBe(false);
    expect(looksLikeCustomerCase({ ...view, messages: [{ at: 'x', from: 'staff', text: 'hi' }] })).toBe(false);
    expect(looksLikeCustomerCase(null)).toBe(false);
  });

  it('tells a refused link, a conflict, a failure and an answer apart', async () => {
    expect(await loadCustomerCase('t', reply(200, view))).toEqual({ kind: 'ok', view });
    for (const status of [403, 409, 410, 429]) expect(await loadCustomerCase('t', reply(status, { status }))).toEqual({ kind: 'refused', status });
    expect(await loadCustomerCase('t', reply(500, {}))).toEqual({ kind: 'failed' });
    expect(await loadCustomerCase('t', reply(200, { nope: true }))).toEqual({ kind: 'failed' });
    expect(await loadCustomerCase('t', async () => Promise.reject(new TypeError('offline')))).toEqual({ kind: 'failed' });
    let sent: RequestInit | undefined;
    await sendResolutionFeedback('a b', { resolved: true, csat: 4 }, async (url, init) => {
      expect(url).toBe('/api/public/cases/a%20b/resolution-feedback');
      sent = init;
      return new Response(JSON.stringify(view), { status: 201 });
    });
    expect(sent).toMatchObject({ method: 'POST', body: JSON.stringify({ resolved: true, csat: 4 }) });
  });

  it('has every message in English and Chinese with the same placeholders', () => {
    const en = caseMessages.en;
    const zh = caseMessages['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholdersOf(zh[key]), key).toEqual(placeholdersOf(en[key]));
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]|^\d/);
    }
  });
});
