import { Types, type QueryFilter } from 'mongoose';
import type { Contact, ContactList, ContactListQuery, ContactUpdate } from '@shared/contacts/contact.schema';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { getSegments } from '../settings/settings.service';
import { ContactModel, type ContactRecord } from './contact.model';

export type ContactDoc = ContactRecord & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export function toContact(doc: ContactDoc): Contact {
  return {
    id: doc._id.toString(),
    email: doc.email,
    name: doc.name ?? null,
    phone: doc.phone ?? null,
    segment: doc.segment ?? null,
    locale: doc.locale ?? null,
    attributes: (doc.attributes ?? {}) as Contact['attributes'],
    unsubscribedAt: doc.unsubscribedAt?.toISOString() ?? null,
    lastSurveyedAt: doc.lastSurveyedAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Contacts newest first, filtered by segment, consent and an email/name prefix, paged by `_id`. */
export async function listContacts(query: ContactListQuery): Promise<ContactList> {
  const filter: QueryFilter<ContactDoc> = {};
  if (query.segment) filter.segment = query.segment;
  if (query.unsubscribed !== undefined) filter.unsubscribedAt = query.unsubscribed ? { $ne: null } : null;
  if (query.q) {
    const prefix = escapeRegExp(query.q);
    // Emails are stored lower-case, so that side needs no case-insensitive match (and can use the index).
    filter.$or = [{ email: { $regex: `^${prefix.toLowerCase()}` } }, { name: { $regex: `^${prefix}`, $options: 'i' } }];
  }
  if (query.cursor) filter._id = { $lt: new Types.ObjectId(query.cursor) };
  const docs = await ContactModel.find(filter).sort({ _id: -1 }).limit(query.limit + 1).lean<ContactDoc[]>();
  const page = docs.slice(0, query.limit);
  const last = page[page.length - 1];
  return { contacts: page.map(toContact), nextCursor: docs.length > query.limit && last ? last._id.toString() : null };
}

export async function findContact(id: string): Promise<ContactDoc> {
  const doc = await ContactModel.findById(id).lean<ContactDoc>();
  if (!doc) throw new NotFound(`There is no contact ${id}.`);
  return doc;
}

/** 400 naming `field` unless the segment is one of the installation's segments. */
export async function assertKnownSegment(segment: string, field: string): Promise<void> {
  const segments = await getSegments();
  if (!segments.includes(segment)) {
    throw new Invalid(`Unknown segment "${segment}".`, [{ name: field, reason: `unknown segment "${segment}"; known: ${segments.join(', ')}` }]);
  }
}

export async function updateContact(id: string, update: ContactUpdate): Promise<Contact> {
  if (update.segment) await assertKnownSegment(update.segment, 'body.segment');
  try {
    const doc = await ContactModel.findByIdAndUpdate(id, { $set: update }, { returnDocument: 'after', runValidators: true }).lean<ContactDoc>();
    if (!doc) throw new NotFound(`There is no contact ${id}.`);
    return toContact(doc);
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict(`Another contact has the email ${update.email ?? ''}.`, 'contact-exists');
    throw error;
  }
}

/** Marks the contact unsubscribed, keeping the first opt-out time (so clicking twice changes nothing); null when there is no such contact. */
async function optOut(id: string): Promise<ContactDoc | null> {
  await ContactModel.updateOne({ _id: id, unsubscribedAt: null }, { $set: { unsubscribedAt: new Date() } });
  return ContactModel.findById(id).lean<ContactDoc>();
}

/** Staff-side opt-out. */
export async function unsubscribeContact(id: string): Promise<Contact> {
  const doc = await optOut(id);
  if (!doc) throw new NotFound(`There is no contact ${id}.`);
  return toContact(doc);
}

/** Opt-out from an email's unsubscribe link (id from a verified token). Not found is no error: an erased contact has nothing left to unsubscribe. */
export async function unsubscribeByLink(contactId: string): Promise<{ found: boolean; unsubscribedAt: Date | null }> {
  const doc = Types.ObjectId.isValid(contactId) ? await optOut(contactId) : null;
  return { found: doc !== null, unsubscribedAt: doc?.unsubscribedAt ?? null };
}

export async function resubscribeContact(id: string): Promise<Contact> {
  const doc = await ContactModel.findByIdAndUpdate(id, { $set: { unsubscribedAt: null } }, { returnDocument: 'after' }).lean<ContactDoc>();
  if (!doc) throw new NotFound(`There is no contact ${id}.`);
  return toContact(doc);
}
