import { describe, expect, it } from 'vitest';
import type { SubmitResponseInput } from '@shared/responses/response-api.schema';
import type { SendOutcome } from '../send-response';
import { KioskQueue } from './kiosk-queue';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

const body = (submissionId: string): SubmitResponseInput => ({ version: 1, answers: { q: 1 }, submissionId, elapsedMs: 5_000 });

/** Resolves once `check` holds, giving the queue's promises a chance to run. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

describe('kiosk queue', () => {
  it('resends each finished survey with the same submissionId until stored, in order', async () => {
    const sent: string[] = [];
    let online = false;
    const storage = memoryStorage();
    const queue = new KioskQueue({
      storageKey: 'q',
      storage,
      // A macrotask per wait, so the test's checks run between attempts.
      sleep: () => new Promise((resolve) => setTimeout(resolve, 0)),
      send: async (b) => {
        sent.push(b.submissionId);
        return online ? { kind: 'stored', id: `r-${b.submissionId}` } : { kind: 'retry', reason: 'offline' };
      },
    });
    queue.add(body('first'));
    queue.add(body('second'));
    await until(() => sent.length >= 5);
    expect(new Set(sent)).toEqual(new Set(['first']));
    expect(JSON.parse(storage.values.get('q')!).map((b: SubmitResponseInput) => b.submissionId)).toEqual(['first', 'second']);

    online = true;
    await until(() => queue.pending === 0);
    expect(sent.slice(-2)).toEqual(['first', 'second']);
    expect(storage.values.get('q')).toBe('[]');
    queue.stop();
  });

  it('sends what a previous page left stored, and drops a survey the server refuses for good', async () => {
    const storage = memoryStorage();
    storage.setItem('q', JSON.stringify([body('left-behind'), { not: 'a body' }]));
    const outcomes: Record<string, SendOutcome> = { 'left-behind': { kind: 'closed' }, next: { kind: 'stored', id: 'r' } };
    const sent: string[] = [];
    const pending: number[] = [];
    const queue = new KioskQueue({ storageKey: 'q', storage, onPending: (n) => pending.push(n), send: async (b) => (sent.push(b.submissionId), outcomes[b.submissionId]!) });
    expect(queue.pending).toBe(1);
    queue.start();
    await until(() => queue.pending === 0);
    queue.add(body('next'));
    await until(() => sent.length === 2 && queue.pending === 0);
    expect(sent).toEqual(['left-behind', 'next']);
    expect(pending).toEqual([1, 0, 1, 0]);
    queue.stop();
  });
});
