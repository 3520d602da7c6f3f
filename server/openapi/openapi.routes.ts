import type express from 'express';
import type { RequestHandler } from 'express';
import { describeApi } from './openapi-document';

/** `GET /api/openapi.json`: generated from the app's own routes on first request (they are all declared by then), then kept. */
export function openApiRoute(app: express.Express): RequestHandler {
  let document: unknown;
  return (_req, res) => {
    document ??= describeApi(app).document;
    res.json(document);
  };
}
