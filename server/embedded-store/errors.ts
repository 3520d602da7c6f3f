import type { Document } from 'bson';

/** MongoDB error codes the store emits, with the codeName the real server pairs with each. */
export const ErrorCode = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  InvalidOptions: 72,
  ConflictingUpdateOperators: 40,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  DollarPrefixedFieldName: 52,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidNamespace: 73,
  CommandNotSupported: 115,
  InvalidIndexSpecificationOption: 197,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  DuplicateKey: 11000,
  Location15976: 15976,
  Location40323: 40323,
  Location40324: 40324,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** An error that becomes an `{ ok: 0, code, codeName, errmsg }` reply (or a writeErrors entry). */
export class StoreError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields copied into the reply, e.g. keyPattern/keyValue for duplicate keys. */
  readonly details: Document;
  readonly labels: string[];

  constructor(codeName: ErrorCodeName, message: string, details: Document = {}, labels: string[] = []) {
    super(message);
    this.code = ErrorCode[codeName];
    this.codeName = codeName === 'DuplicateKey' ? 'DuplicateKey' : codeName;
    this.details = details;
    this.labels = labels;
  }

  toReply(): Document {
    const reply: Document = { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.details };
    if (this.labels.length > 0) reply.errorLabels = this.labels;
    return reply;
  }

  toWriteError(index: number): Document {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.details };
  }
}

export const badValue = (message: string): StoreError => new StoreError('BadValue', message);

/** Wraps anything thrown by mingo or our own code into a StoreError so replies never leak stacks. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('BadValue', message);
}
