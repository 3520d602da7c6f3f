import mongoose, { type ClientSession, type Types } from 'mongoose';
import { allQuestions, type SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { NotFound } from '../lib/errors';
import { cachedPublishedDefinition } from '../surveys/survey-cache';
import { afterResponsesChanged, onResponsesAnonymised, onResponsesDeleted, type AnonymisedResponse } from './response-events';
import { ResponseModel, type ResponseDoc } from './response.model';

/** Runs a change of stored responses in one transaction with the consumers' part, then tells them it committed. */
async function changingResponses<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
  const result = await mongoose.connection.transaction(work);
  await afterResponsesChanged();
  return result;
}

/** Deletes one response for good (admin only); its consumers take it out of what they derived (scores), atomically. */
export async function deleteResponse(id: string): Promise<void> {
  const deleted = await changingResponses(async (session) => {
    const response = await ResponseModel.findOneAndDelete({ _id: id }, { session }).lean<ResponseDoc>();
    if (response) await onResponsesDeleted([response], session);
    return response !== null;
  });
  if (!deleted) throw new NotFound(`There is no response ${id}.`);
}

/** Question types whose answers are free text a customer may have put personal data in. */
const FREE_TEXT_TYPES = new Set(['comment', 'text', 'multipletext']);

async function withoutFreeText(response: ResponseDoc): Promise<Record<string, unknown>> {
  const definition = await cachedPublishedDefinition(response.surveyId.toString(), response.version);
  const freeText = new Set(allQuestions((definition ?? {}) as SurveyDefinitionJson).filter((q) => FREE_TEXT_TYPES.has(q.type)).map((q) => q.name));
  const answers = (response.answers ?? {}) as Record<string, unknown>;
  // SurveyJS keeps "other" comments under `<question>-Comment`.
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !freeText.has(name) && !name.endsWith('-Comment')));
}

/**
 * GDPR erasure of a contact's answers: each response loses its link to the contact (contact, token,
 * segment), its user agent and its free-text answers. Its consumers update what they derived in the
 * same transaction (the scores move to the "no segment" rollups, so the rollups always equal a
 * rebuild). Returns how many responses.
 */
export async function anonymiseContactResponses(contactId: Types.ObjectId): Promise<number> {
  return changingResponses(async (session) => {
    const responses = await ResponseModel.find({ contactId }, null, { session }).lean<ResponseDoc[]>();
    if (responses.length === 0) return 0;
    const changes: AnonymisedResponse[] = [];
    for (const before of responses) {
      const after = { ...before, contactId: null, tokenId: null, segment: null, userAgent: null, answers: await withoutFreeText(before) };
      changes.push({ before, after });
    }
    await ResponseModel.bulkWrite(
      changes.map(({ after }) => ({
        updateOne: {
          filter: { _id: after._id },
          update: { $set: { contactId: null, tokenId: null, segment: null, userAgent: null, answers: after.answers } },
        },
      })),
      { session },
    );
    await onResponsesAnonymised(changes, session);
    return responses.length;
  });
}

/** Every response a contact gave, oldest first (a data-subject access request). */
export async function contactResponses(contactId: Types.ObjectId): Promise<ResponseDoc[]> {
  return ResponseModel.find({ contactId }).sort({ submittedAt: 1 }).lean<ResponseDoc[]>();
}
