import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The draft breaks the question contract; it stays in the browser until fixed. */
  | { kind: 'blocked'; problems: number }
  | { kind: 'failed'; error: unknown };

export interface Autosave<T> {
  state: SaveState;
  /** Records an edit; saves after `delay` ms of quiet unless `problems` > 0. */
  change(draft: T, problems: number): void;
  /** Saves now; resolves true when everything edited so far is stored. */
  flush(): Promise<boolean>;
}

/**
 * Debounced saving of a draft. Edits are never dropped: a failed save leaves the draft as it is and
 * the next edit (or `flush`, e.g. a retry button) sends the latest version again.
 */
export function useAutosave<T>(save: (draft: T) => Promise<void>, delay = 800): Autosave<T> {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const saveRef = useRef(save);
  const latest = useRef<{ draft: T; revision: number; problems: number } | null>(null);
  const savedRevision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const saveLatest = useCallback(async (): Promise<boolean> => {
    const current = latest.current;
    if (!current || current.revision === savedRevision.current) return true;
    if (current.problems > 0) return false;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(current.draft);
      savedRevision.current = Math.max(savedRevision.current, current.revision);
      const upToDate = latest.current?.revision === current.revision;
      setState(upToDate ? { kind: 'saved' } : { kind: 'pending' });
      return upToDate;
    } catch (error) {
      setState({ kind: 'failed', error });
      return false;
    }
  }, []);

  // Saves run one at a time, so an older draft never lands after a newer one.
  const enqueue = useCallback((): Promise<boolean> => {
    queue.current = queue.current.then(saveLatest, saveLatest);
    return queue.current;
  }, [saveLatest]);

  const change = useCallback(
    (draft: T, problems: number) => {
      latest.current = { draft, revision: (latest.current?.revision ?? 0) + 1, problems };
      clearTimeout(timer.current);
      if (problems > 0) {
        setState({ kind: 'blocked', problems });
        return;
      }
      setState({ kind: 'pending' });
      timer.current = setTimeout(() => void enqueue(), delay);
    },
    [delay, enqueue],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const ok = await enqueue();
    return ok && (!latest.current || latest.current.revision === savedRevision.current);
  }, [enqueue]);

  // Leaving the page (or the section) must not swallow the last edits.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current && latest.current.revision !== savedRevision.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      if (latest.current && latest.current.revision !== savedRevision.current && latest.current.problems === 0) void enqueue();
    };
  }, [enqueue]);

  return { state, change, flush };
}
