import type { Translate } from '../i18n/i18n-context';
import { useT } from '../i18n/i18n-context';
import { ApiError } from '../lib/api-client';
import { problemText } from '../lib/problem-text';
import type { SaveState } from './use-autosave';

function failureReason(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.isNetworkError) return t('builder.save.offline');
  if (error.status === 401) return t('builder.save.signedOut');
  const invalid = error.problem.invalid_params?.length ?? 0;
  if (error.status === 400 && invalid > 0) return t('builder.save.rejected', { count: invalid });
  return problemText(error, t);
}

function messageFor(state: SaveState, t: Translate): string {
  switch (state.kind) {
    case 'saved':
      return t('builder.save.saved');
    case 'pending':
    case 'saving':
      return t('builder.save.saving');
    case 'blocked':
      return t('builder.save.blocked', { count: state.problems });
    case 'failed':
      return t('builder.save.failed', { reason: failureReason(state.error, t) });
  }
}

/** The draft's save state, announced politely; a failed save can be retried without editing. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const t = useT();
  return (
    <div className={`save-status save-${state.kind}`}>
      <p role="status" aria-live="polite">
        {messageFor(state, t)}
      </p>
      {state.kind === 'failed' && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t('builder.save.retry')}
        </button>
      )}
    </div>
  );
}
