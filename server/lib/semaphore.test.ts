import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Observes a task's outcome at once (so a failure is not an unhandled rejection while the test waits). */
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    () => 'fulfilled',
    () => 'rejected',
  );

describe('Semaphore', () => {
  it('runs at most `permits` tasks at once, in arrival order, and frees a permit when a task fails', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      settle(
        semaphore.run(async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await new Promise<void>((resolve) => gates.push(resolve));
          running--;
          if (i === 1) throw new Error('task 1 failed');
          return i;
        }),
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!(); // the failing one frees its permit too
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (let i = 0; i < 6; i++) {
      gates.forEach((open) => open());
      await tick();
    }
    expect(await Promise.all(tasks)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('refuses a semaphore without permits', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
