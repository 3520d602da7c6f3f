import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context';
import { afterResponseStored, afterResponsesChanged, installResponseConsumers, type ResponseConsumer, type StoredResponseEvent } from './response-events';

const event: StoredResponseEvent = { id: new Types.ObjectId(), surveyId: new Types.ObjectId(), contactId: null, metrics: {}, created: true };
const ctx = {} as AppContext;

describe('response consumers', () => {
  it('refuse to run before the platform installed them, rather than skip their work', async () => {
    await expect(afterResponseStored(ctx, event)).rejects.toThrow(/No response consumers are installed/);
  });

  it('run every stored hook with the event and resolve only once all are done', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const consumers: ResponseConsumer[] = [
      { name: 'slow', stored: async (_ctx, e) => void (await slow, seen.push(`slow ${e.id.toString()}`)) },
      { name: 'fast', stored: async (_ctx, e) => void seen.push(`fast ${e.id.toString()}`) },
      { name: 'deletions only', deleted: async () => void seen.push('deleted') },
    ];
    installResponseConsumers(consumers);
    let done = false;
    const running = afterResponseStored(ctx, event).then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    release();
    await running;
    expect(seen.sort()).toEqual([`fast ${event.id.toString()}`, `slow ${event.id.toString()}`]);
  });

  it('fail the stored step when a consumer fails, so the customer is not told it went through', async () => {
    installResponseConsumers([{ name: 'broken', stored: () => Promise.reject(new Error('redis down')) }]);
    await expect(afterResponseStored(ctx, event)).rejects.toThrow('redis down');
  });

  it('tell consumers in their declared order that a change committed', async () => {
    const order: string[] = [];
    installResponseConsumers([
      { name: 'a', committed: async () => void order.push('a') },
      { name: 'b' },
      { name: 'c', committed: async () => void order.push('c') },
    ]);
    await afterResponsesChanged();
    expect(order).toEqual(['a', 'c']);
  });
});
