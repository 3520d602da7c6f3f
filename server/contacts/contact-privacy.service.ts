import { Types } from 'mongoose';
import type { ContactExport } from '@shared/contacts/contact.schema';
import { SendLogModel } from '../mail/send-log.model';
import { ResponseTokenModel } from '../responses/response-token.model';
import { anonymiseContactResponses, contactResponses } from '../responses/response-erasure.service';
import { ContactModel } from './contact.model';
import { findContact, toContact } from './contact.service';

/** What an erased contact's send-log entries keep as recipient. */
export const ERASED_RECIPIENT = 'erased';

/** Plain JSON of stored documents: ids and dates as strings, exactly what is held. */
const asJson = (docs: object[]) => JSON.parse(JSON.stringify(docs)) as Record<string, unknown>[];

/** Everything held on one contact, for a data-subject access request. Token hashes stay out. */
export async function exportContact(id: string): Promise<ContactExport> {
  const contact = await findContact(id);
  const contactId = contact._id;
  const [responses, sendLog, responseTokens] = await Promise.all([
    contactResponses(contactId),
    SendLogModel.find({ contactId }).sort({ createdAt: 1 }).lean(),
    ResponseTokenModel.find({ contactId }, { tokenHash: 0 }).sort({ createdAt: 1 }).lean(),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    contact: toContact(contact),
    responses: asJson(responses),
    sendLog: asJson(sendLog),
    responseTokens: asJson(responseTokens),
  };
}

/**
 * Erases a contact (right to erasure). Its responses stay for the statistics but lose the link and
 * their free text; unused links die; the send log forgets the address. The contact goes last, so an
 * erasure cut short can simply be run again.
 */
export async function eraseContact(id: string): Promise<void> {
  const contact = await findContact(id);
  const contactId = new Types.ObjectId(contact._id);
  await anonymiseContactResponses(contactId);
  await ResponseTokenModel.deleteMany({ contactId, usedAt: null });
  // A used token stays with its response (it proves the link was answered) but no longer names anyone.
  await ResponseTokenModel.updateMany({ contactId }, { $set: { contactId: null } });
  const sent = { $or: [{ contactId }, { to: contact.email }] };
  // An SMTP error message usually quotes the recipient; its code and status stay for the statistics.
  await SendLogModel.updateMany({ ...sent, error: { $ne: null } }, { $set: { 'error.message': ERASED_RECIPIENT } });
  await SendLogModel.updateMany(sent, { $set: { to: ERASED_RECIPIENT, contactId: null } });
  await ContactModel.deleteOne({ _id: contactId });
}
