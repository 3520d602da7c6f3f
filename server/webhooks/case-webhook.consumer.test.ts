import { describe, expect, it } from 'vitest';
import { caseWebhookTypes } from './case-webhook.consumer';

const entry = (kind: string, data: Record<string, unknown> = {}) => ({ at: new Date(), by: null, kind, data }) as Parameters<typeof caseWebhookTypes>[0];

describe('caseWebhookTypes', () => {
  it('announces openings, moves (with resolved / reopened), assignments, breaches and escalations; not notes or warnings', () => {
    expect(caseWebhookTypes(entry('opened'))).toEqual(['case.opened']);
    expect(caseWebhookTypes(entry('moved', { move: 'acknowledge', to: 'acknowledged' }))).toEqual(['case.moved']);
    expect(caseWebhookTypes(entry('moved', { move: 'resolve', to: 'resolved' }))).toEqual(['case.moved', 'case.resolved']);
    expect(caseWebhookTypes(entry('moved', { move: 'reopen', to: 'new' }))).toEqual(['case.moved', 'case.reopened']);
    expect(caseWebhookTypes(entry('assigned'))).toEqual(['case.assigned']);
    expect(caseWebhookTypes(entry('categorised', { from: null, to: 'card-fault' }))).toEqual(['case.categorised']);
    expect(caseWebhookTypes(entry('breached', { stage: 'acknowledge' }))).toEqual(['case.breached']);
    expect(caseWebhookTypes(entry('escalated', { level: 'admin' }))).toEqual(['case.escalated']);
    expect(caseWebhookTypes(entry('note', { text: 'x' }))).toEqual([]);
    expect(caseWebhookTypes(entry('due-soon'))).toEqual([]);
  });
});
