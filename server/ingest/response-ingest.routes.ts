import { Router } from 'express';
import { ingestResponseInputSchema } from '@shared/responses/response-ingest.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { assertPlainUtf8, replyWithStreamedImport, unsupportedMediaType } from '../lib/streamed-import';
import { validated } from '../lib/validate';
import { importResponsesCsv } from './response-import-csv';
import { importResponsesNdjson } from './response-import.service';
import { ingestResponse } from './response-ingest.service';

/** Media types of an NDJSON import: the common name, and the JSON Lines names some tools send. */
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines'];

/**
 * `/api/responses`: answers collected by other systems (a call centre, an IVR, an SMS reply, an app),
 * sent with an `integration` (or admin) API token. One response as JSON, or a file of them streamed
 * as NDJSON or CSV by Content-Type.
 */
export function responseIngestRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/',
    requireRole('integration'),
    validated({ body: ingestResponseInputSchema }, async ({ body }, _req, res) => {
      const stored = await ingestResponse(ctx, body);
      res.status(stored.created ? 201 : 200).json({ id: stored.id, version: stored.version });
    }),
  );
  router.post('/import', requireRole('integration'), async (req, res) => {
    const maxBytes = ctx.config.RESPONSE_IMPORT_MAX_BYTES;
    const csv = req.is('text/csv');
    if (!csv && !req.is(NDJSON_TYPES)) throw unsupportedMediaType('Send responses as application/x-ndjson (one JSON object per line) or text/csv.');
    assertPlainUtf8(req, csv ? 'CSV' : 'NDJSON');
    await replyWithStreamedImport(req, res, maxBytes, (body) => (csv ? importResponsesCsv(ctx, body, maxBytes) : importResponsesNdjson(ctx, body, maxBytes)));
  });
  return router;
}
