import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce';

describe('Coalescer', () => {
  it('answers every caller of one window from one batch, in order', async () => {
    const batches: number[][] = [];
    const double = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((n) => n * 2);
    }, 5);
    expect(await Promise.all([1, 2, 3].map((n) => double.request(n)))).toEqual([2, 4, 6]);
    expect(await double.request(4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('flushes at the batch limit without waiting, and fails every caller of a failed batch', async () => {
    const sizes: number[] = [];
    const limited = new Coalescer<number, number>(async (inputs) => (sizes.push(inputs.length), inputs), 60_000, 2);
    await Promise.all([1, 2].map((n) => limited.request(n)));
    expect(sizes).toEqual([2]);
    const failing = new Coalescer<number, number>(async () => {
      throw new Error('store down');
    });
    const results = await Promise.allSettled([failing.request(1), failing.request(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('while busy: sends at once when idle, and gathers what arrives during a batch into the next one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const write = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs;
    }, 'while-busy');
    const first = write.request(1);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => write.request(n));
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });
});
