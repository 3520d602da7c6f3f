import { useEffect, useState } from 'react';

export type Load<T> = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; value: T };

/**
 * Runs `load` whenever `key` changes (and on `retry`), dropping replies that arrive after a newer
 * request started, so a quick change of filters never shows stale numbers.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): { state: Load<T>; retry: () => void } {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => current && setState({ kind: 'ready', value }),
      (error: unknown) => {
        console.error(`Could not load ${key}`, error);
        if (current) setState({ kind: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` names everything it depends on.
  }, [key, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}
