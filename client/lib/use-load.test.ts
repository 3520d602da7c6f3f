import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReducer } from './use-load';
import type { LoadMachine } from './use-load';

const idle: LoadMachine<string> = { state: { kind: 'loading' }, request: 0 };

describe('loadReducer', () => {
  it('shows the reply of the request it is waiting for', () => {
    const started = loadReducer(idle, { type: 'start', request: 1, quiet: false });
    expect(loadReducer(started, { type: 'resolve', request: 1, value: 'a' }).state).toEqual({ kind: 'ready', value: 'a' });
  });

  it('drops a late reply or failure of an older request', () => {
    let machine = loadReducer(idle, { type: 'start', request: 1, quiet: false });
    machine = loadReducer(machine, { type: 'start', request: 2, quiet: false });
    expect(loadReducer(machine, { type: 'resolve', request: 1, value: 'stale' }).state).toEqual({ kind: 'loading' });
    expect(loadReducer(machine, { type: 'reject', request: 1, error: new Error('x') }).state).toEqual({ kind: 'loading' });
  });

  it('fails with the error of the current request', () => {
    const error = new Error('down');
    const machine = loadReducer(loadReducer(idle, { type: 'start', request: 3, quiet: false }), { type: 'reject', request: 3, error });
    expect(machine.state).toEqual({ kind: 'failed', error });
  });

  it('returns to loading on a retry after a failure', () => {
    const failed = loadReducer(loadReducer(idle, { type: 'start', request: 1, quiet: false }), { type: 'reject', request: 1, error: 1 });
    expect(loadReducer(failed, { type: 'start', request: 2, quiet: false }).state).toEqual({ kind: 'loading' });
  });

  it('replaces loaded data in place but never invents data while loading', () => {
    const ready = loadReducer(loadReducer(idle, { type: 'start', request: 1, quiet: false }), { type: 'resolve', request: 1, value: 'a' });
    expect(loadReducer(ready, { type: 'replace', value: 'b' }).state).toEqual({ kind: 'ready', value: 'b' });
    expect(loadReducer(idle, { type: 'replace', value: 'b' }).state).toEqual({ kind: 'loading' });
  });

  const ready = loadReducer(loadReducer(idle, { type: 'start', request: 1, quiet: false }), { type: 'resolve', request: 1, value: 'a' });

  it('keeps the data shown during a quiet reload and swaps in the reply', () => {
    const refreshing = loadReducer(ready, { type: 'start', request: 2, quiet: true });
    expect(refreshing.state).toEqual({ kind: 'ready', value: 'a' });
    expect(loadReducer(refreshing, { type: 'resolve', request: 2, value: 'b' }).state).toEqual({ kind: 'ready', value: 'b' });
  });

  it('shows loading for a quiet reload when nothing is shown yet', () => {
    expect(loadReducer(idle, { type: 'start', request: 1, quiet: true }).state).toEqual({ kind: 'loading' });
    const failed = loadReducer(loadReducer(idle, { type: 'start', request: 1, quiet: false }), { type: 'reject', request: 1, error: 1 });
    expect(loadReducer(failed, { type: 'start', request: 2, quiet: true }).state).toEqual({ kind: 'loading' });
  });

  it('keeps the data after a failed quiet reload, marked, until a reply clears the mark', () => {
    const error = new Error('poll failed');
    const kept = loadReducer(loadReducer(ready, { type: 'start', request: 2, quiet: true }), { type: 'reject', request: 2, error });
    expect(kept.state).toEqual({ kind: 'ready', value: 'a', refreshFailed: { error } });
    const again = loadReducer(kept, { type: 'start', request: 3, quiet: true });
    expect(loadReducer(again, { type: 'resolve', request: 3, value: 'c' }).state).toEqual({ kind: 'ready', value: 'c' });
  });

  it('drops a late reply of an older quiet reload', () => {
    let machine = loadReducer(ready, { type: 'start', request: 2, quiet: true });
    machine = loadReducer(machine, { type: 'start', request: 3, quiet: true });
    expect(loadReducer(machine, { type: 'resolve', request: 2, value: 'stale' }).state).toEqual({ kind: 'ready', value: 'a' });
    expect(loadReducer(machine, { type: 'reject', request: 2, error: 1 }).state).toEqual({ kind: 'ready', value: 'a' });
  });

  it('once data is shown, quiet reloads never blank it and it is always the newest reply', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('start' as const), quiet: fc.constant(true) }),
      fc.record({ type: fc.constant('resolve' as const), value: fc.string(), age: fc.nat(3) }),
      fc.record({ type: fc.constant('reject' as const), age: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let machine = ready;
        let issued = 1;
        let newest = 'a';
        for (const s of steps) {
          if (s.type === 'start') machine = loadReducer(machine, { type: 'start', request: ++issued, quiet: true });
          else if (s.type === 'resolve') {
            const request = issued - s.age;
            machine = loadReducer(machine, { type: 'resolve', request, value: s.value });
            if (request === issued) newest = s.value;
          } else machine = loadReducer(machine, { type: 'reject', request: issued - s.age, error: 'x' });
          expect(machine.state.kind).toBe('ready');
          expect(machine.state.kind === 'ready' && machine.state.value).toBe(newest);
        }
      }),
    );
  });
});
