import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

/** What a section shows when its data did not load: the message and a way to try again. */
export function LoadFailed({ message, onRetry, children }: { message: string; onRetry: () => void; children?: ReactNode }) {
  const t = useT();
  return (
    <div role="alert" className="banner banner-error">
      <p>{message}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
      {children}
    </div>
  );
}
