import { Types, type QueryFilter } from 'mongoose';
import type { ListResponsesQuery, ResponseList, StoredResponse } from '@shared/responses/response-list.schema';
import { NotFound } from '../lib/errors';
import { SurveyModel } from '../surveys/survey.model';
import { toResponseFollowUp } from './response-follow-up.service';
import { ResponseModel, type ResponseDoc } from './response.model';

function toStoredResponse(doc: ResponseDoc): StoredResponse {
  return {
    id: doc._id.toString(),
    surveyId: doc.surveyId.toString(),
    version: doc.version,
    answers: doc.answers as Record<string, unknown>,
    metrics: (doc.metrics ?? {}) as StoredResponse['metrics'],
    touchpoint: doc.touchpoint ?? null,
    channel: doc.channel ?? null,
    contactId: doc.contactId?.toString() ?? null,
    distributionId: doc.distributionId?.toString() ?? null,
    locale: doc.locale ?? null,
    userAgent: doc.userAgent ?? null,
    flags: doc.flags as StoredResponse['flags'],
    elapsedMs: doc.elapsedMs ?? null,
    submittedAt: doc.submittedAt.toISOString(),
    followUp: toResponseFollowUp(doc.followUp),
  };
}

/** Cursor of the last response on a page: its submission time and id, the list's sort key. */
function cursorOf(doc: ResponseDoc): string {
  return `${doc.submittedAt.getTime()}_${doc._id.toString()}`;
}

function afterCursor(cursor: string): QueryFilter<ResponseDoc> {
  const [time, id] = cursor.split('_') as [string, string];
  const submittedAt = new Date(Number(time));
  return { $or: [{ submittedAt: { $lt: submittedAt } }, { submittedAt, _id: { $lt: new Types.ObjectId(id) } }] };
}

/** A survey's responses, newest first, filtered as the dashboards need and paged by cursor. */
export async function listResponses(surveyId: string, query: ListResponsesQuery): Promise<ResponseList> {
  if (!(await SurveyModel.exists({ _id: surveyId }))) throw new NotFound(`There is no survey ${surveyId}.`);
  const filter: QueryFilter<ResponseDoc> = { surveyId: new Types.ObjectId(surveyId) };
  if (query.touchpoint) filter.touchpoint = query.touchpoint;
  if (query.channel) filter.channel = query.channel;
  if (query.from || query.to) {
    filter.submittedAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  }
  if (query.metric) {
    const range = { ...(query.min !== undefined ? { $gte: query.min } : {}), ...(query.max !== undefined ? { $lte: query.max } : {}) };
    filter[`metrics.${query.metric}`] = Object.keys(range).length > 0 ? range : { $exists: true };
  }
  if (query.flagged !== undefined) filter['flags.0'] = { $exists: query.flagged };
  if (query.followUp === 'open') filter['followUp.status'] = { $in: ['pending', 'open'] };
  else if (query.followUp === 'done') filter['followUp.status'] = 'done';
  else if (query.followUp === 'any') filter['followUp.status'] = { $exists: true };
  const conditions = query.cursor ? { $and: [filter, afterCursor(query.cursor)] } : filter;
  const docs = (await ResponseModel.find(conditions)
    .sort({ submittedAt: -1, _id: -1 })
    .limit(query.limit + 1)
    .lean()) as ResponseDoc[];
  const page = docs.slice(0, query.limit);
  const last = page[page.length - 1];
  return { responses: page.map(toStoredResponse), nextCursor: docs.length > query.limit && last ? cursorOf(last) : null };
}
