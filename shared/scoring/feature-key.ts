import { z } from 'zod';

/**
 * A Kano feature id (free text from a question property) encoded as a MongoDB field name: every
 * character outside [A-Za-z0-9-] becomes %XX of its UTF-8 bytes, so keys never hold `.` or `$`, and
 * never spell `__proto__`. Reversible with decodeFeatureKey.
 */
export const featureKeySchema = z.string().regex(/^(?:[A-Za-z0-9-]|%[0-9A-F]{2})+$/);

/** Longest feature id accepted, before encoding. */
export const MAX_FEATURE_ID_LENGTH = 100;

/** Encoded key for a feature id, or undefined for an empty, overlong or malformed (lone surrogate) id. */
export function encodeFeatureKey(feature: string): string | undefined {
  if (feature === '' || feature.length > MAX_FEATURE_ID_LENGTH) return undefined;
  let encoded: string;
  try {
    encoded = encodeURIComponent(feature);
  } catch {
    return undefined; // URIError: lone surrogate
  }
  return encoded.replace(/[_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function decodeFeatureKey(key: string): string {
  return decodeURIComponent(key);
}
