import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { z } from 'zod';

export type Load<T> = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; value: T };

/** What can happen to one load; `request` numbers each start so a late reply from an older one is dropped. */
export type LoadEvent<T> =
  | { type: 'start'; request: number }
  | { type: 'resolve'; request: number; value: T }
  | { type: 'reject'; request: number; error: unknown }
  | { type: 'replace'; value: T };

export interface LoadMachine<T> {
  state: Load<T>;
  request: number;
}

/**
 * The pure state machine behind useLoad. Only the newest request may settle the state, so a quick
 * change of filters never shows stale numbers; `replace` lets a page patch data it already has
 * (after a save, or "load more") without reloading.
 */
export function loadReducer<T>(machine: LoadMachine<T>, event: LoadEvent<T>): LoadMachine<T> {
  switch (event.type) {
    case 'start':
      return { state: { kind: 'loading' }, request: event.request };
    case 'resolve':
      return event.request === machine.request ? { ...machine, state: { kind: 'ready', value: event.value } } : machine;
    case 'reject':
      return event.request === machine.request ? { ...machine, state: { kind: 'failed', error: event.error } } : machine;
    case 'replace':
      return machine.state.kind === 'ready' ? { ...machine, state: { kind: 'ready', value: event.value } } : machine;
  }
}

export interface UseLoad<T> {
  state: Load<T>;
  /** Loads again (the "Try again" button). */
  retry: () => void;
  /** Replaces loaded data in place; ignored unless data is loaded. */
  replace: (value: T) => void;
}

/**
 * Runs `load` whenever `key` changes (and on `retry`). The signal passed to `load` aborts on unmount
 * and when a newer request starts; replies of aborted requests never reach the state. When `schema`
 * is given the reply is parsed with it, so a page never renders a shape it did not expect.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, schema?: z.ZodType<T>): UseLoad<T> {
  const [machine, dispatch] = useReducer(loadReducer<T>, { state: { kind: 'loading' }, request: 0 });
  const [attempt, bump] = useReducer((n: number) => n + 1, 0);
  const requests = useRef(0);
  useEffect(() => {
    const request = ++requests.current;
    const controller = new AbortController();
    dispatch({ type: 'start', request });
    load(controller.signal)
      .then((reply) => (schema ? schema.parse(reply) : reply))
      .then(
        (value) => !controller.signal.aborted && dispatch({ type: 'resolve', request, value }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          console.error(`Could not load ${key}`, error);
          dispatch({ type: 'reject', request, error });
        },
      );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` names everything it depends on.
  }, [key, attempt]);
  const replace = useCallback((value: T) => dispatch({ type: 'replace', value }), []);
  return { state: machine.state, retry: bump, replace };
}
