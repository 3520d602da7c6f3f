import { Router, type Request } from 'express';
import {
  actionInputSchema,
  actionListQuerySchema,
  actionParamsSchema,
  actionTaskInputSchema,
  actionTaskParamsSchema,
  actionTaskUpdateSchema,
  actionTransitionSchema,
  actionTrendQuerySchema,
  actionUpdateSchema,
} from '@shared/actions/action.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { Unauthenticated } from '../lib/errors';
import { validated } from '../lib/validate';
import { actionTrend, addActionTask, createAction, getAction, listActions, transitionActionPhase, updateAction, updateActionTask } from './action.service';

function actorOf(req: Request): string {
  const email = req.auth?.user.email;
  if (!email) throw new Unauthenticated();
  return email;
}

/** `/api/actions`: improvement actions; every staff role reads, analysts and designers (and admins) plan and run them. */
export function actionRoutes(ctx: AppContext): Router {
  const router = Router();
  const editor = requireRole('analyst', 'designer');
  router.get(
    '/',
    validated({ query: actionListQuerySchema }, async ({ query }, _req, res) => {
      res.json({ actions: await listActions(query) });
    }),
  );
  router.post(
    '/',
    editor,
    validated({ body: actionInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createAction(ctx, body, actorOf(req)));
    }),
  );
  router.get(
    '/:id',
    validated({ params: actionParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getAction(params.id));
    }),
  );
  router.get(
    '/:id/trend',
    validated({ params: actionParamsSchema, query: actionTrendQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await actionTrend(params.id, query.metric));
    }),
  );
  router.patch(
    '/:id',
    editor,
    validated({ params: actionParamsSchema, body: actionUpdateSchema }, async ({ params, body }, req, res) => {
      res.json(await updateAction(params.id, body, actorOf(req)));
    }),
  );
  router.post(
    '/:id/transitions',
    editor,
    validated({ params: actionParamsSchema, body: actionTransitionSchema }, async ({ params, body }, req, res) => {
      res.json(await transitionActionPhase(ctx, params.id, body.move, actorOf(req), { on: body.on, note: body.note }));
    }),
  );
  router.post(
    '/:id/tasks',
    editor,
    validated({ params: actionParamsSchema, body: actionTaskInputSchema }, async ({ params, body }, req, res) => {
      res.status(201).json(await addActionTask(params.id, body, actorOf(req)));
    }),
  );
  router.patch(
    '/:id/tasks/:taskId',
    editor,
    validated({ params: actionTaskParamsSchema, body: actionTaskUpdateSchema }, async ({ params, body }, req, res) => {
      res.json(await updateActionTask(params.id, params.taskId, body, actorOf(req)));
    }),
  );
  return router;
}
