import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import type { AppContext } from '../app-context';
import { requireAuth } from '../auth/auth.middleware';
import { refuseTokenOnlyRoles } from '../auth/role-scope.middleware';

/** Where staff read the API reference (outside /api: it is a page). */
export const API_DOCS_PATH = '/ops/api-docs';

/** swagger-ui-dist's files, from our own node_modules: the page makes no request outside the platform. */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Touchpoint API reference</title>
<link rel="icon" href="${API_DOCS_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_PATH}/api-docs.js"></script>
</body>
</html>
`;

/**
 * A file, not inline script, so the content security policy stays `script-src 'self'`. The validator
 * badge is off (it would send the document to validator.swagger.io), and "Try it out" requests from
 * this page carry the CSRF header the session cookie needs for writes. Swagger UI 5 draws only the
 * operations on screen once the list passes 150 rows (tags + operations; ours has more), so the
 * browser's find cannot reach the rest: the filter box (by tag or path) is how a reader finds one.
 */
const initializer = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  filter: true,
  requestInterceptor: function (request) {
    request.headers[${JSON.stringify(CSRF_HEADER)}] = '1';
    return request;
  },
});
`;

/** The API reference page (Swagger UI) for signed-in staff, served from our own assets. */
export function apiDocsRoutes(ctx: AppContext): express.Router {
  const router = express.Router();
  router.use(requireAuth(ctx.auth), refuseTokenOnlyRoles);
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/api-docs.js', (_req, res) => {
    res.type('text/javascript').send(initializer);
  });
  for (const file of SWAGGER_UI_FILES) {
    router.get(`/${file}`, (_req, res) => res.sendFile(path.join(SWAGGER_UI_DIR, file), { maxAge: '1d' }));
  }
  return router;
}
