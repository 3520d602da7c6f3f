/** MongoDB's duplicate key error (E11000), as the driver or mongoose surfaces it. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
