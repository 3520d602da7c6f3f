import type { z } from 'zod';
import { actionListSchema, actionSchema } from '@shared/actions/action.schema';
import type { Action, actionInputSchema, actionTaskInputSchema, ActionTaskUpdate } from '@shared/actions/action.schema';
import type { ActionMove } from '@shared/actions/action-phases';
import { trendResponseSchema, type TrendResponse } from '@shared/scoring/metrics.schema';
import type { TargetMetric } from '@shared/scoring/target.schema';
import { touchpointListSchema, type Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import type { ApiClient } from '../lib/api-client';

export type ActionSummary = z.infer<typeof actionListSchema>['actions'][number];
export type TaskInput = z.input<typeof actionTaskInputSchema>;
export type NewAction = z.input<typeof actionInputSchema>;

/** The improvement actions section's calls; every reply is checked against the shared schemas. */
export function actionsApi(api: ApiClient) {
  const path = (id: string) => `/api/actions/${encodeURIComponent(id)}`;
  return {
    list: (touchpoint?: string): Promise<ActionSummary[]> =>
      api.get(`/api/actions${touchpoint ? `?${new URLSearchParams({ touchpoint })}` : ''}`, actionListSchema).then((reply) => reply.actions),
    get: (id: string): Promise<Action> => api.get(path(id), actionSchema),
    create: (input: NewAction): Promise<Action> => api.post('/api/actions', input, actionSchema),
    move: (id: string, move: ActionMove, on?: string, note?: string): Promise<Action> =>
      api.post(`${path(id)}/transitions`, { move, ...(on ? { on } : {}), ...(note ? { note } : {}) }, actionSchema),
    addTask: (id: string, task: TaskInput): Promise<Action> => api.post(`${path(id)}/tasks`, task, actionSchema),
    updateTask: (id: string, taskId: string, update: ActionTaskUpdate): Promise<Action> => api.patch(`${path(id)}/tasks/${encodeURIComponent(taskId)}`, update, actionSchema),
    trend: (id: string, metric: TargetMetric): Promise<TrendResponse> => api.get(`${path(id)}/trend?${new URLSearchParams({ metric })}`, trendResponseSchema),
    touchpoints: (): Promise<Touchpoint[]> => api.get('/api/touchpoints', touchpointListSchema).then((reply) => reply.touchpoints),
  };
}
