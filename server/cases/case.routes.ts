import { Router, type Request } from 'express';
import {
  caseAssignSchema,
  caseBulkAssignSchema,
  caseCategorySetSchema,
  caseCreateSchema,
  caseListQuerySchema,
  caseNoteSchema,
  caseRefParamsSchema,
  caseTransitionSchema,
  calendarBodySchema,
  idParamsSchema,
  slaPolicyBodySchema,
  teamInputSchema,
} from '@shared/cases/case-api.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { Unauthenticated } from '../lib/errors';
import { validated } from '../lib/validate';
import { caseTeamsOf, createSlaPolicy, createTeam, listSlaPolicies, listTeams, setTeamCalendar, updateSlaPolicy, updateTeam } from './case-admin.service';
import { addCaseNote, assignCase, bulkAssignCases, findCaseContact, findVisibleCase, listCases, openCase, setCaseCategory, toCaseView, transitionCase, type Actor } from './case.service';

function actorOf(req: Request): Actor {
  const user = req.auth?.user;
  if (!user) throw new Unauthenticated();
  return { id: user.id, role: user.role };
}

/** Mounted at `/api/cases`: agents (their teams' cases) and admins (every case). */
export function caseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireRole('agent'));
  router.get(
    '/',
    validated({ query: caseListQuerySchema }, async ({ query }, req, res) => {
      res.json(await listCases(query, actorOf(req)));
    }),
  );
  router.post(
    '/',
    validated({ body: caseCreateSchema }, async ({ body }, req, res) => {
      res.status(201).json(await openCase(ctx, body, actorOf(req)));
    }),
  );
  router.post(
    '/bulk-assign',
    validated({ body: caseBulkAssignSchema }, async ({ body }, req, res) => {
      const { refs, ...assignment } = body;
      res.json(await bulkAssignCases(ctx, refs, assignment, actorOf(req)));
    }),
  );
  // Before `/:ref`, which would refuse `teams` as a case number.
  router.get('/teams', async (req, res) => {
    res.json(await caseTeamsOf(actorOf(req)));
  });
  router.get(
    '/:ref',
    validated({ params: caseRefParamsSchema }, async ({ params }, req, res) => {
      res.json(toCaseView(await findVisibleCase(actorOf(req), params.ref)));
    }),
  );
  router.get(
    '/:ref/contact',
    validated({ params: caseRefParamsSchema }, async ({ params }, req, res) => {
      res.json(await findCaseContact(actorOf(req), params.ref));
    }),
  );
  router.post(
    '/:ref/transitions',
    validated({ params: caseRefParamsSchema, body: caseTransitionSchema }, async ({ params, body }, req, res) => {
      res.json(await transitionCase(ctx, params.ref, body.move, actorOf(req), body.note));
    }),
  );
  router.put(
    '/:ref/assignment',
    validated({ params: caseRefParamsSchema, body: caseAssignSchema }, async ({ params, body }, req, res) => {
      res.json(await assignCase(ctx, params.ref, body, actorOf(req)));
    }),
  );
  router.put(
    '/:ref/category',
    validated({ params: caseRefParamsSchema, body: caseCategorySetSchema }, async ({ params, body }, req, res) => {
      res.json(await setCaseCategory(ctx, params.ref, body.category, actorOf(req)));
    }),
  );
  router.post(
    '/:ref/notes',
    validated({ params: caseRefParamsSchema, body: caseNoteSchema }, async ({ params, body }, req, res) => {
      res.status(201).json(await addCaseNote(ctx, params.ref, body.text, actorOf(req)));
    }),
  );
  return router;
}

/** Mounted at `/api/case-admin`: teams with their calendars, and SLA policies (admins only). */
export function caseAdminRoutes(): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/teams', async (_req, res) => {
    res.json({ teams: await listTeams() });
  });
  router.post(
    '/teams',
    validated({ body: teamInputSchema }, async ({ body }, _req, res) => {
      res.status(201).json(await createTeam(body));
    }),
  );
  router.put(
    '/teams/:id',
    validated({ params: idParamsSchema, body: teamInputSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateTeam(params.id, body));
    }),
  );
  router.put(
    '/teams/:id/calendar',
    validated({ params: idParamsSchema, body: calendarBodySchema }, async ({ params, body }, _req, res) => {
      res.json(await setTeamCalendar(params.id, body));
    }),
  );
  router.get('/sla-policies', async (_req, res) => {
    res.json({ policies: await listSlaPolicies() });
  });
  router.post(
    '/sla-policies',
    validated({ body: slaPolicyBodySchema }, async ({ body }, _req, res) => {
      res.status(201).json(await createSlaPolicy(body));
    }),
  );
  router.put(
    '/sla-policies/:id',
    validated({ params: idParamsSchema, body: slaPolicyBodySchema }, async ({ params, body }, _req, res) => {
      res.json(await updateSlaPolicy(params.id, body));
    }),
  );
  return router;
}
