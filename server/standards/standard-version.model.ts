import { Schema, model } from 'mongoose';
import { STANDARD_SOURCES } from '@shared/standards/standard.schema';

/** Thrown by every mongoose path that would change or remove a standard version. */
export class ImmutableStandardVersion extends Error {
  constructor(operation: string) {
    super(`Standard versions are never changed or deleted (refused: ${operation}); create a new version instead.`);
    this.name = 'ImmutableStandardVersion';
  }
}

/**
 * One version of a touchpoint's service standard (standardVersionSchema). Written once: verdicts and
 * alerts name versions by number, so a version that changed afterwards would rewrite what they meant.
 */
const standardVersionModelSchema = new Schema(
  {
    touchpoint: { type: String, required: true },
    version: { type: Number, required: true },
    commitments: { type: Schema.Types.Mixed, default: [] },
    target: { type: Schema.Types.Mixed, default: {} },
    slaPolicy: { type: Schema.Types.Mixed, default: null },
    effectiveFrom: { type: Date, required: true },
    createdBy: { type: String, default: null },
    reason: { type: String, default: null },
    source: { type: String, enum: STANDARD_SOURCES, required: true },
    actionId: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false, versionKey: false },
);
standardVersionModelSchema.index({ touchpoint: 1, version: 1 }, { unique: true });

const CHANGING_QUERIES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const;
for (const operation of CHANGING_QUERIES) {
  standardVersionModelSchema.pre(operation, { document: true, query: true }, () => {
    throw new ImmutableStandardVersion(operation);
  });
}
standardVersionModelSchema.pre('save', function refuseResave() {
  if (!this.isNew) throw new ImmutableStandardVersion('save');
});
standardVersionModelSchema.pre('bulkWrite', (ops) => {
  const changing = ops.find((op) => !('insertOne' in op));
  if (changing) throw new ImmutableStandardVersion(`bulkWrite ${Object.keys(changing).join()}`);
});

export const StandardVersionModel = model('StandardVersion', standardVersionModelSchema);
