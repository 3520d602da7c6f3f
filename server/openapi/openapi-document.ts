import type express from 'express';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { z } from 'zod';
import { problemSchema } from '@shared/http/problem.schema';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { SESSION_COOKIE } from '../auth/auth.service';
import { appRoutes, type AppRoute } from './route-walk';
import { ROUTE_DESCRIPTIONS, type RouteDescription } from './route-descriptions';

/** `/api/webhooks/:id` → `/api/webhooks/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const routeKey = (route: Pick<AppRoute, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;

function operation(route: AppRoute, described: RouteDescription): ZodOpenApiOperationObject {
  const { params, query, body } = route.schemas;
  const tag = route.path.split('/')[2] ?? 'api';
  return {
    operationId: routeKey(route).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    summary: described.summary,
    ...(described.description ? { description: described.description } : {}),
    tags: [tag],
    ...(described.public ? { security: [] } : {}),
    ...(params || query ? { requestParams: { ...(params ? { path: params as z.ZodObject } : {}), ...(query ? { query: query as z.ZodObject } : {}) } } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    ...(described.rawBody ? { requestBody: { required: true, content: { [described.rawBody]: { schema: { type: 'string' } } } } } : {}),
    responses: {
      '200': { description: described.reply ?? 'Success (JSON; 201 when something is created, 204 when nothing is returned).' },
      default: { description: 'An error, as RFC 9457 problem details.', content: { 'application/problem+json': { schema: problemSchema } } },
    },
  };
}

export interface GeneratedDescription {
  document: ReturnType<typeof createDocument>;
  /** Routes the app serves that ROUTE_DESCRIPTIONS does not describe (left out of the document). */
  undocumented: string[];
  /** Descriptions naming no route the app serves. */
  stale: string[];
}

/**
 * The OpenAPI 3.1 description of every `/api` route of `app`, generated from the zod schemas each
 * route validates with (attached by `validated`) and the one descriptions file. Nothing is kept by
 * hand but the words: a new route without words is reported, not silently left out.
 */
export function describeApi(app: express.Express, descriptions: Readonly<Record<string, RouteDescription>> = ROUTE_DESCRIPTIONS): GeneratedDescription {
  const routes = appRoutes(app);
  const paths: ZodOpenApiPathsObject = {};
  const undocumented: string[] = [];
  for (const route of routes) {
    const described = descriptions[routeKey(route)];
    if (!described) {
      undocumented.push(routeKey(route));
      continue;
    }
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, described) };
  }
  const served = new Set(routes.map(routeKey));
  const stale = Object.keys(descriptions).filter((key) => !served.has(key));
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Touchpoint API',
      version: '1',
      description:
        'Staff endpoints take a personal API token (`Authorization: Bearer …`, from `POST /api/auth/tokens`) or a session cookie; ' +
        `cookie-authenticated writes must also send \`${CSRF_HEADER}: 1\`. Errors are \`application/problem+json\`.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token.' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The staff app session.' },
      },
    },
    paths,
  }, {
    // Answers and survey definitions are checked by code (the definition contract), not by a JSON shape;
    // they are documented as any JSON value and the route's own validation still applies.
    allowEmptySchema: { custom: true },
  });
  return { document, undocumented, stale };
}
