import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { submittedAtIssue, type IngestResponseInput } from '@shared/responses/response-ingest.schema';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { Invalid, NotFound } from '../lib/errors';
import { cachedOpenSurveyById } from '../surveys/survey-cache';
import { askAgainAbout, checkSubmission, storeResponse, storedSubmission, type NewResponse, type StoredResult } from '../responses/response.service';

/**
 * The submissionId of another system's response, derived from survey and externalId: the unique
 * submissionId index (also the shard key, so no second unique index could be) then makes externalId
 * idempotent per survey. Hashed so inserts still spread over shards; `ext-` keeps these apart from the
 * page's UUIDs, which the public API accepts only as UUIDs.
 */
export function externalSubmissionId(surveyId: string, externalId: string): string {
  return `ext-${createHash('sha256').update(`${surveyId}\n${externalId}`).digest('base64url')}`;
}

/**
 * Everything a response from another system needs checked before it is stored: the survey is open,
 * `submittedAt` plausible for the clock `now`, the contact known, and the answers exactly as the public
 * page's (`checkSubmission`). Throws the 400/404 the single API answers with.
 */
export async function prepareIngested(input: IngestResponseInput, now: Date): Promise<NewResponse> {
  const survey = await cachedOpenSurveyById(input.survey);
  if (!survey) throw new NotFound('This survey is not open for answers.');
  const submittedAt = input.submittedAt ?? now;
  const issue = submittedAtIssue(submittedAt, now);
  if (issue) throw new Invalid('submittedAt is not a plausible time for this response.', [{ name: 'body.submittedAt', reason: issue }]);
  const contact = await findNamedContact(input);
  // Staff tokens tag responses as they were given: the other system is trusted with its touchpoint and channel.
  const checked = await checkSubmission(survey, input, true);
  return {
    ...checked,
    submissionId: externalSubmissionId(input.survey, input.externalId),
    externalId: input.externalId,
    contactId: contact?._id ?? null,
    segment: contact?.segment ?? null,
    locale: input.locale ?? null,
    submittedAt,
  };
}

/** The contact `contact.email` or `contactId` names, with its segment (rollups are kept per segment). */
async function findNamedContact(input: IngestResponseInput): Promise<{ _id: Types.ObjectId; segment?: string | null } | null> {
  if (input.contact) {
    const found = await ContactModel.findOne({ email: input.contact.email }, { segment: 1 }).lean();
    if (!found) throw new Invalid('The contact is unknown.', [{ name: 'body.contact.email', reason: 'there is no contact with this email; import contacts first' }]);
    return found;
  }
  if (input.contactId) {
    const found = await ContactModel.findById(input.contactId, { segment: 1 }).lean();
    if (!found) throw new Invalid('The contact is unknown.', [{ name: 'body.contactId', reason: 'there is no contact with this id' }]);
    return found;
  }
  return null;
}

/**
 * Stores one response another system collected. A repeated externalId returns the first response
 * (`created: false`) before anything is checked again, so a retry after success always gets its id.
 */
export async function ingestResponse(app: AppContext, input: IngestResponseInput, now = new Date()): Promise<StoredResult> {
  const earlier = await storedSubmission(externalSubmissionId(input.survey, input.externalId));
  if (earlier) return askAgainAbout(app, earlier);
  return storeResponse(app, await prepareIngested(input, now));
}
