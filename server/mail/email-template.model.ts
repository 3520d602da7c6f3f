import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { SEND_KINDS } from '@shared/mail/send-log.schema';
import { TEMPLATE_LOCALES } from '@shared/mail/template.schema';

/** A staff-edited email template; replaces the built-in default of its (kind, locale) as a whole. */
const emailTemplateSchema = new Schema(
  {
    kind: { type: String, enum: SEND_KINDS, required: true },
    locale: { type: String, enum: TEMPLATE_LOCALES, required: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    updatedBy: { type: Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, minimize: false, versionKey: false, collection: 'email_templates' },
);
emailTemplateSchema.index({ kind: 1, locale: 1 }, { unique: true });

export type EmailTemplateRecord = InferSchemaType<typeof emailTemplateSchema>;
export const EmailTemplateModel = model('EmailTemplate', emailTemplateSchema);
