import type * as SharedChecks from './shared-checks';

export type Checks = typeof SharedChecks;
export type AnswerValidator = Checks['validateAnswers'];

let loading: Promise<Checks | null> | undefined;

/**
 * The shared checks (see shared-checks.ts), loaded after the first question is on screen: they are
 * needed only to confirm the survey, carry answers over and send them. Null when they cannot be
 * fetched (offline since the page loaded); the next call tries again, and the server still validates.
 */
export function loadChecks(): Promise<Checks | null> {
  loading ??= afterNextPaint()
    .then(() => import('./shared-checks'))
    .catch((error: unknown) => {
      console.warn('Shared checks not loaded', error);
      loading = undefined;
      return null;
    });
  return loading;
}

/**
 * Resolves once the browser has painted the frame being prepared, so fetching and running the checks
 * never holds up the first question. At once where nothing paints (Node, a hidden tab).
 */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The shared answer validator, or null when the checks cannot be fetched. */
export async function loadAnswerValidator(): Promise<AnswerValidator | null> {
  return (await loadChecks())?.validateAnswers ?? null;
}
