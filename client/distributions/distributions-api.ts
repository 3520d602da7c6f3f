import { segmentsSchema } from '@shared/contacts/segment.schema';
import { distributionListSchema, distributionWithCountsSchema, outboxPageSchema } from '@shared/distributions/distribution.schema';
import type { CreateDistributionInput, DistributionListItem, DistributionWithCounts, OutboxPage } from '@shared/distributions/distribution.schema';
import { surveyListSchema } from '@shared/surveys/survey-api.schema';
import { channelsSchema, touchpointListSchema } from '@shared/touchpoints/touchpoint.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { z } from 'zod';
import type { ApiClient } from '../lib/api-client';

export type SurveySummary = z.infer<typeof surveyListSchema>['surveys'][number];
export type DistributionAction = 'pause' | 'resume' | 'cancel';

const createdSchema = z.object({ id: z.string() });

/** The Distributions section's calls; every reply is checked against the shared schemas. */
export function distributionsApi(api: ApiClient) {
  const path = (id: string) => `/api/distributions/${encodeURIComponent(id)}`;
  return {
    list: (): Promise<DistributionListItem[]> => api.get('/api/distributions', distributionListSchema).then((reply) => reply.distributions),
    get: (id: string): Promise<DistributionWithCounts> => api.get(path(id), distributionWithCountsSchema),
    create: (input: CreateDistributionInput): Promise<{ id: string }> => api.post('/api/distributions', input, createdSchema),
    act: (id: string, action: DistributionAction): Promise<DistributionWithCounts> => api.post(`${path(id)}/${action}`, undefined, distributionWithCountsSchema),
    outbox: (id: string, cursor: string | null, limit: number): Promise<OutboxPage> =>
      api.get(`${path(id)}/outbox?${new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`, outboxPageSchema),
    surveys: (): Promise<SurveySummary[]> => api.get('/api/surveys', surveyListSchema).then((reply) => reply.surveys),
    touchpoints: (): Promise<Touchpoint[]> => api.get('/api/touchpoints', touchpointListSchema).then((reply) => reply.touchpoints),
    channels: (): Promise<string[]> => api.get('/api/settings/channels', channelsSchema).then((reply) => reply.channels),
    segments: (): Promise<string[]> => api.get('/api/settings/segments', segmentsSchema).then((reply) => reply.segments),
  };
}

/** Surveys a distribution may send: published, with a version to answer. */
export function sendableSurveys(surveys: SurveySummary[]): SurveySummary[] {
  return surveys.filter((survey) => survey.status === 'published' && survey.latestVersion !== null);
}
