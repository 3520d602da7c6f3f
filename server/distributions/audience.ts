import type { QueryFilter } from 'mongoose';
import type { Audience } from '@shared/distributions/distribution.schema';
import type { ContactRecord } from '../contacts/contact.model';

/**
 * The contact query for an audience. Unsubscribed contacts are included on purpose: they are
 * reported as skipped with their reason. Attribute keys are restricted by the shared schema to
 * `[A-Za-z0-9_-]`, so no key can become an operator or a nested path.
 */
export function audienceQuery(audience: Audience): QueryFilter<ContactRecord> {
  const query: Record<string, unknown> = {};
  if (audience.segment !== undefined) query.segment = Array.isArray(audience.segment) ? { $in: audience.segment } : audience.segment;
  if (audience.contactIds !== undefined) query._id = { $in: audience.contactIds };
  if (audience.filter?.locale !== undefined) query.locale = audience.filter.locale;
  for (const [key, value] of Object.entries(audience.filter?.attributes ?? {})) {
    query[`attributes.${key}`] = Array.isArray(value) ? { $in: value } : value;
  }
  return query as QueryFilter<ContactRecord>;
}
