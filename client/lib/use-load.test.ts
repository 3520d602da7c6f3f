import { describe, expect, it } from 'vitest';
import { loadReducer } from './use-load';
import type { LoadMachine } from './use-load';

const idle: LoadMachine<string> = { state: { kind: 'loading' }, request: 0 };

describe('loadReducer', () => {
  it('shows the reply of the request it is waiting for', () => {
    const started = loadReducer(idle, { type: 'start', request: 1 });
    expect(loadReducer(started, { type: 'resolve', request: 1, value: 'a' }).state).toEqual({ kind: 'ready', value: 'a' });
  });

  it('drops a late reply or failure of an older request', () => {
    let machine = loadReducer(idle, { type: 'start', request: 1 });
    machine = loadReducer(machine, { type: 'start', request: 2 });
    expect(loadReducer(machine, { type: 'resolve', request: 1, value: 'stale' }).state).toEqual({ kind: 'loading' });
    expect(loadReducer(machine, { type: 'reject', request: 1, error: new Error('x') }).state).toEqual({ kind: 'loading' });
  });

  it('fails with the error of the current request', () => {
    const error = new Error('down');
    const machine = loadReducer(loadReducer(idle, { type: 'start', request: 3 }), { type: 'reject', request: 3, error });
    expect(machine.state).toEqual({ kind: 'failed', error });
  });

  it('returns to loading on a retry after a failure', () => {
    const failed = loadReducer(loadReducer(idle, { type: 'start', request: 1 }), { type: 'reject', request: 1, error: 1 });
    expect(loadReducer(failed, { type: 'start', request: 2 }).state).toEqual({ kind: 'loading' });
  });

  it('replaces loaded data in place but never invents data while loading', () => {
    const ready = loadReducer(loadReducer(idle, { type: 'start', request: 1 }), { type: 'resolve', request: 1, value: 'a' });
    expect(loadReducer(ready, { type: 'replace', value: 'b' }).state).toEqual({ kind: 'ready', value: 'b' });
    expect(loadReducer(idle, { type: 'replace', value: 'b' }).state).toEqual({ kind: 'loading' });
  });
});
