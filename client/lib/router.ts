/** Pure path helpers shared by the staff app and the respondent page; no DOM, no React. */

export type RouteParams = Record<string, string>;

/** Drops a trailing slash (except for the root) and collapses repeated slashes. */
export function normalizePath(pathname: string): string {
  const collapsed = `/${pathname}`.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/**
 * Matches a pattern such as `/surveys/:id` against a pathname; returns the decoded params or null.
 * Segments compare exactly (case-sensitive); a param matches one non-empty segment.
 */
export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const patternSegments = normalizePath(pattern).split('/');
  const pathSegments = normalizePath(pathname).split('/');
  if (patternSegments.length !== pathSegments.length) return null;
  const params: RouteParams = {};
  for (const [index, expected] of patternSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      const decoded = safeDecode(actual);
      if (decoded === null) return null;
      params[expected.slice(1)] = decoded;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Accepts a post-login redirect target only when it is a same-origin path, so `?next=` cannot send
 * a user to another site (`//evil.example`, `https://…`, `/\evil.example`).
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (tab, newline) are stripped by URL parsers and can turn `/\t/x` into `//x`.
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return next;
}

/** The login URL that brings the user back to where they were once signed in. */
export function loginPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
