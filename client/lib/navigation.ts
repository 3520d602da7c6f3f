import { useSyncExternalStore } from 'react';

/** Fired on pushState/replaceState, which (unlike back/forward) do not emit popstate. */
const NAVIGATE_EVENT = 'touchpoint:navigate';

export interface CurrentLocation {
  pathname: string;
  search: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// useSyncExternalStore compares snapshots with Object.is, so the snapshot is a string.
const snapshot = () => window.location.pathname + window.location.search;

/** The current pathname and search string; re-renders on every navigation. */
export function useLocation(): CurrentLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const queryStart = href.indexOf('?');
  return queryStart === -1
    ? { pathname: href, search: '' }
    : { pathname: href.slice(0, queryStart), search: href.slice(queryStart) };
}

/** Client-side navigation through the history API. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
