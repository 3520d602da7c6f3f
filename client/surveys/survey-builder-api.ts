import type { z } from 'zod';
import {
  createdSurveySchema,
  publishedSchema,
  surveyListSchema,
  surveySchema,
  surveyVersionSchema,
  templateListSchema,
} from '@shared/surveys/survey-api.schema';
import type { CreateSurveyInput, UpdateSurveyInput } from '@shared/surveys/survey-api.schema';
import type { UiLocale } from '@shared/survey-definition/survey-locale';
import type { ApiClient } from '../lib/api-client';

export type SurveySummary = z.infer<typeof surveyListSchema>['surveys'][number];

const surveyPath = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

/** The builder's calls to the surveys API; every reply is checked against the shared schemas. */
export function surveyBuilderApi(api: ApiClient) {
  return {
    templates: (locale: UiLocale) =>
      api.get(`/api/surveys/templates?locale=${encodeURIComponent(locale)}`, templateListSchema).then((r) => r.templates),
    list: () => api.get('/api/surveys', surveyListSchema).then((r) => r.surveys),
    create: (input: CreateSurveyInput) => api.post('/api/surveys', input, createdSurveySchema),
    get: (id: string) => api.get(surveyPath(id), surveySchema),
    update: (id: string, input: UpdateSurveyInput) => api.put(surveyPath(id), input, surveySchema),
    publish: (id: string) => api.post(`${surveyPath(id)}/publish`, {}, publishedSchema),
    archive: (id: string) => api.post(`${surveyPath(id)}/archive`, {}, surveySchema),
    restore: (id: string) => api.post(`${surveyPath(id)}/restore`, {}, surveySchema),
    version: (id: string, version: number) => api.get(`${surveyPath(id)}/versions/${version}`, surveyVersionSchema),
  };
}
export type SurveyBuilderApi = ReturnType<typeof surveyBuilderApi>;

/** The address respondents open; the respondent page lives at `/s/:slug` on the same origin. */
export function publicSurveyUrl(origin: string, slug: string): string {
  return `${origin}/s/${encodeURIComponent(slug)}`;
}
