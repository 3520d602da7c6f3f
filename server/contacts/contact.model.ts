import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A customer the platform may survey. Deduplicated by normalised (lower-case) email. `segment` is a
 * slug (`new`, `regular`, `vip`, `strategic` or one an admin added). `lastSurveyedAt` drives quarantine
 * across all distributions; `unsubscribedAt` set means no email is ever sent to this contact.
 */
const contactSchema = new Schema(
  {
    email: { type: String, required: true },
    name: { type: String, default: null },
    phone: { type: String, default: null },
    segment: { type: String, default: null },
    locale: { type: String, default: null },
    attributes: { type: Schema.Types.Mixed, default: {} },
    unsubscribedAt: { type: Date, default: null },
    lastSurveyedAt: { type: Date, default: null },
  },
  // Contacts are found and merged by email (import, unsubscribe, personal links).
  { timestamps: true, minimize: false, versionKey: false, shardKey: { email: 1 } },
);
contactSchema.index({ email: 1 }, { unique: true });
contactSchema.index({ segment: 1, _id: 1 });

export type ContactRecord = InferSchemaType<typeof contactSchema>;
export const ContactModel = model('Contact', contactSchema);
