import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { z } from 'zod';

/**
 * What a page can show. `refreshFailed` marks data kept on screen after a quiet reload failed, so a
 * page may say so without losing what the reader was looking at.
 */
export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; value: T; refreshFailed?: { error: unknown } };

/**
 * What can happen to one load; `request` numbers each start so a late reply from an older one is
 * dropped. A `quiet` start keeps loaded data on screen until its reply arrives.
 */
export type LoadEvent<T> =
  | { type: 'start'; request: number; quiet: boolean }
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
 * (after a save, or "load more") without reloading. A quiet reload that fails keeps the data shown
 * (a failed poll is no reason to blank the page); only a load with nothing shown yet fails loudly.
 */
export function loadReducer<T>(machine: LoadMachine<T>, event: LoadEvent<T>): LoadMachine<T> {
  switch (event.type) {
    case 'start':
      if (event.quiet && machine.state.kind === 'ready') return { ...machine, request: event.request };
      return { state: { kind: 'loading' }, request: event.request };
    case 'resolve':
      return event.request === machine.request ? { ...machine, state: { kind: 'ready', value: event.value } } : machine;
    case 'reject':
      if (event.request !== machine.request) return machine;
      if (machine.state.kind === 'ready') return { ...machine, state: { ...machine.state, refreshFailed: { error: event.error } } };
      return { ...machine, state: { kind: 'failed', error: event.error } };
    case 'replace':
      return machine.state.kind === 'ready' ? { ...machine, state: { kind: 'ready', value: event.value } } : machine;
  }
}

export interface UseLoad<T> {
  state: Load<T>;
  /** Loads again, showing "loading" (the "Try again" button). */
  retry: () => void;
  /** Loads again while the data shown stays on screen until the reply replaces it (polls). */
  refresh: () => void;
  /** Replaces loaded data in place; ignored unless data is loaded. */
  replace: (value: T) => void;
}

export interface LoadOptions<T> {
  /** Parses the reply, so a page never renders a shape it did not expect. */
  schema?: z.ZodType<T>;
  /** A change of `key` reloads quietly too (a live preview that follows typing). */
  quiet?: boolean;
}

/**
 * Runs `load` whenever `key` changes (and on `retry` or `refresh`). The signal passed to `load` aborts
 * on unmount and when a newer request starts; replies of aborted requests never reach the state.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: LoadOptions<T> = {}): UseLoad<T> {
  const { schema, quiet = false } = options;
  const [machine, dispatch] = useReducer(loadReducer<T>, { state: { kind: 'loading' }, request: 0 });
  const [attempt, bump] = useReducer((n: number) => n + 1, 0);
  const requests = useRef(0);
  // Whether the next start was asked for by `refresh`; a key change at the same time is a new load.
  const quietNext = useRef(false);
  const lastKey = useRef(key);
  useEffect(() => {
    const request = ++requests.current;
    const controller = new AbortController();
    const keyChanged = lastKey.current !== key;
    lastKey.current = key;
    dispatch({ type: 'start', request, quiet: keyChanged ? quiet : quiet || quietNext.current });
    quietNext.current = false;
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
  const retry = useCallback(() => {
    quietNext.current = false;
    bump();
  }, []);
  const refresh = useCallback(() => {
    quietNext.current = true;
    bump();
  }, []);
  const replace = useCallback((value: T) => dispatch({ type: 'replace', value }), []);
  return { state: machine.state, retry, refresh, replace };
}
