import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { ApiError } from './api-client';
import { LoadFailed } from './LoadFailed';
import type { UseLoad } from './use-load';

/** A malformed id (400) reads the same as an unknown one (404): there is no such thing to show. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export interface LoadedProps<T> {
  load: UseLoad<T>;
  /** The message of the "could not load" banner (which offers to try again). */
  failed: string;
  /** Shown after the message of the banner, e.g. a link back to the list. */
  failedExtra?: ReactNode;
  /** Shown instead of the banner when the API says there is no such thing; without it that is a failure too. */
  notFound?: ReactNode;
  /** Shown instead of `children` when `isEmpty` says the data holds nothing. */
  empty?: { isEmpty: (value: T) => boolean; message: string };
  /** The page itself; without it the frame shows nothing once ready (the page renders that itself). */
  children?: (value: T) => ReactNode;
}

/**
 * The one frame of a page (or section) whose data is not ready yet: loading, failed with a retry,
 * not found, empty, and only then the page itself, so every page says these things the same way.
 */
export function Loaded<T>({ load, failed, failedExtra, notFound, empty, children }: LoadedProps<T>) {
  const t = useT();
  const { state } = load;
  switch (state.kind) {
    case 'loading':
      return <p aria-busy="true">{t('app.loading')}</p>;
    case 'failed':
      if (notFound !== undefined && isNotFound(state.error)) return <>{notFound}</>;
      return (
        <LoadFailed message={failed} onRetry={load.retry}>
          {failedExtra}
        </LoadFailed>
      );
    case 'ready':
      if (empty?.isEmpty(state.value)) return <p>{empty.message}</p>;
      return <>{children?.(state.value)}</>;
  }
}
