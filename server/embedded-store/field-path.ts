import type { Document } from 'bson';

/**
 * All values an index sees at a dotted path, following MongoDB's multikey rules: arrays met on the
 * way are descended element by element, and an array at the leaf contributes each element.
 * Returns an empty list when the path is missing everywhere.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: readonly string[], at: number, out: unknown[]): void {
  if (at === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      for (const element of value) out.push(element);
    } else {
      out.push(value);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const part = parts[at] as string;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) collect(value[Number(part)], parts, at + 1, out);
    for (const element of value) {
      if (element !== null && typeof element === 'object' && !Array.isArray(element)) collect(element, parts, at, out);
    }
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(value, part)) return;
  collect((value as Document)[part], parts, at + 1, out);
}

/** Reads a dotted path without multikey expansion (undefined when absent). */
export function getPath(doc: Document, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Document)[part];
  }
  return value;
}

/** Sets a dotted path, creating intermediate objects. */
export function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Document = doc;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (next === null || typeof next !== 'object') target[part] = {};
    target = target[part] as Document;
  }
  target[parts[parts.length - 1] as string] = value;
}

/** True for a plain document (not an array, a BSON value, a Date or a RegExp). */
export function isPlainObject(value: unknown): value is Document {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
