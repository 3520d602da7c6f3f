import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/**
 * Sessions and personal API tokens are both bearer secrets: only an HMAC of the secret is stored,
 * so a copy of the database does not let anyone sign in.
 */
const credentialSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['session', 'api-token'] },
    secretHash: { type: String, required: true },
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    name: { type: String },
    expiresAt: { type: Date },
    lastUsedAt: { type: Date },
  },
  { timestamps: true },
);
credentialSchema.index({ secretHash: 1 }, { unique: true });
credentialSchema.index({ userId: 1, kind: 1 });
// Expired sessions are removed by MongoDB; lookups still check expiresAt themselves.
credentialSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type CredentialRecord = InferSchemaType<typeof credentialSchema>;
export const CredentialModel = model('Credential', credentialSchema);
