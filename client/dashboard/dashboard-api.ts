import { alertListSchema } from '@shared/scoring/alerts.schema';
import type { Alert } from '@shared/scoring/alerts.schema';
import { segmentsSchema } from '@shared/contacts/segment.schema';
import { metricsResponseSchema, trendResponseSchema } from '@shared/scoring/metrics.schema';
import type { MetricsResponse, TrendResponse } from '@shared/scoring/metrics.schema';
import { responseListSchema } from '@shared/responses/response-list.schema';
import type { ResponseList } from '@shared/responses/response-list.schema';
import { surveyListSchema, surveySchema } from '@shared/surveys/survey-api.schema';
import type { Survey } from '@shared/surveys/survey-api.schema';
import { channelsSchema, touchpointListSchema } from '@shared/touchpoints/touchpoint.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import type { ApiClient } from '../lib/api-client';

export type SurveySummary = { id: string; title: string; status: Survey['status']; latestVersion: number | null };

/** The dashboard's calls; every reply is checked against the shared schema before it is shown. */
export function dashboardApi(api: ApiClient) {
  return {
    surveys: (): Promise<SurveySummary[]> => api.get('/api/surveys', surveyListSchema).then((reply) => reply.surveys),
    survey: (id: string): Promise<Survey> => api.get(`/api/surveys/${encodeURIComponent(id)}`, surveySchema),
    touchpoints: (): Promise<Touchpoint[]> => api.get('/api/touchpoints', touchpointListSchema).then((reply) => reply.touchpoints),
    channels: (): Promise<string[]> => api.get('/api/settings/channels', channelsSchema).then((reply) => reply.channels),
    segments: (): Promise<string[]> => api.get('/api/settings/segments', segmentsSchema).then((reply) => reply.segments),
    alerts: (touchpoint: string, limit = 10): Promise<Alert[]> =>
      api.get(`/api/metrics/alerts?${new URLSearchParams({ touchpoint, limit: String(limit) })}`, alertListSchema).then((reply) => reply.alerts),
    metrics: (params: URLSearchParams): Promise<MetricsResponse> => api.get(`/api/metrics/touchpoints?${params}`, metricsResponseSchema),
    trend: (params: URLSearchParams): Promise<TrendResponse> => api.get(`/api/metrics/trend?${params}`, trendResponseSchema),
    responses: (surveyId: string, params: URLSearchParams): Promise<ResponseList> =>
      api.get(`/api/surveys/${encodeURIComponent(surveyId)}/responses?${params}`, responseListSchema),
  };
}

/** Where the browser downloads a survey's responses as CSV (a plain link: the session cookie goes along). */
export function responsesCsvUrl(surveyId: string, params: URLSearchParams): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/responses.csv?${params}`;
}

/** Where the browser downloads a survey's responses as an Excel workbook, question headers in `lang`. */
export function responsesXlsxUrl(surveyId: string, params: URLSearchParams, lang: string): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/responses.xlsx?${new URLSearchParams([...params, ['lang', lang]])}`;
}

/** Where the browser downloads the scores grid (n, 95% intervals) and monthly trend as an Excel workbook. */
export function scoresXlsxUrl(params: URLSearchParams): string {
  return `/api/metrics/touchpoints.xlsx?${params}`;
}
