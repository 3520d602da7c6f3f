import { useCallback, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { problemMessage } from './problem-message';

export interface UseAction {
  /** True while an action runs (buttons disable themselves). */
  busy: boolean;
  /** The last failure in words, '' when none. */
  error: string;
  setError: (message: string) => void;
  /** Runs one user action: busy meanwhile, its failure put into words; resolves whether it succeeded. */
  run: (action: () => Promise<void>) => Promise<boolean>;
}

/** The state every button that calls the API needs: busy, and the failure to show. */
export function useAction(): UseAction {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError('');
      try {
        await action();
        return true;
      } catch (failure) {
        setError(problemMessage(failure, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}
