import { useEffect, useRef, useState } from 'react';
import type { DistributionWithCounts } from '@shared/distributions/distribution.schema';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { distributionsApi } from './distributions-api';
import type { DistributionAction } from './distributions-api';

/** Pause or resume, and cancel behind a confirmation; each reply replaces what the page shows. */
export function DistributionActions({ distribution, onChanged }: { distribution: DistributionWithCounts; onChanged: (updated: DistributionWithCounts) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the question, and goes back to the button that asked it when the answer is "keep".
    if (confirming) confirmHeading.current?.focus();
    else if (wasConfirming.current) cancelButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const run = async (action: DistributionAction) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await distributionsApi(api).act(distribution.id, action));
      setConfirming(false);
    } catch (error) {
      console.error(`Could not ${action} the distribution`, error);
      setFailure(error instanceof ApiError && error.isNetworkError ? t('error.network') : t('distributions.action.failed'));
    } finally {
      setBusy(false);
    }
  };

  const { status } = distribution;
  if (status !== 'active' && status !== 'paused') return null;
  return (
    <div className="distribution-actions">
      <div className="button-row">
        {status === 'active' && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('pause')}>
            {t('distributions.action.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('resume')}>
            {t('distributions.action.resume')}
          </button>
        )}
        {!confirming && (
          <button ref={cancelButton} type="button" className="button button-danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('distributions.action.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="distribution-cancel-heading" className="danger-confirm">
          <h3 id="distribution-cancel-heading" ref={confirmHeading} tabIndex={-1}>
            {t('distributions.action.confirmCancel')}
          </h3>
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void run('cancel')}>
              {t('distributions.action.confirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('distributions.action.keep')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </div>
  );
}
