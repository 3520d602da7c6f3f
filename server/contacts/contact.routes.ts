import express, { Router } from 'express';
import { contactIdParamsSchema, contactImportJsonSchema, contactListQuerySchema, contactUpdateSchema } from '@shared/contacts/contact.schema';
import type { AppContext } from '../app-context';
import { requireAuth, requireRole } from '../auth/auth.middleware';
import { assertPlainUtf8, replyWithStreamedImport, unsupportedMediaType } from '../lib/streamed-import';
import { parseRequest, validated } from '../lib/validate';
import { importContactRows, importContactsCsv } from './contact-import.service';
import { eraseContact, exportContact } from './contact-privacy.service';
import { findContact, listContacts, resubscribeContact, toContact, unsubscribeContact, updateContact } from './contact.service';

/** A JSON import holds at most MAX_JSON_IMPORT_ROWS rows; bigger imports are CSV, which is streamed. */
const JSON_IMPORT_LIMIT = '5mb';

/**
 * `POST /api/contacts`: the import. Mounted ahead of the app's JSON parser, because a CSV file is
 * streamed from the request as it arrives (up to CONTACT_IMPORT_MAX_BYTES) and a JSON import has its own
 * size limit. Admins and designers import.
 */
export function contactImportRoutes(ctx: AppContext): Router {
  const router = Router();
  const maxBytes = ctx.config.CONTACT_IMPORT_MAX_BYTES;
  const json = express.json({ limit: JSON_IMPORT_LIMIT, strict: true });
  router.post('/', requireAuth(ctx.auth), requireRole('designer'), async (req, res) => {
    if (req.is('application/json')) {
      await new Promise<void>((resolve, reject) => json(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
      const { body } = parseRequest({ body: contactImportJsonSchema }, req);
      res.json(await importContactRows(body));
      return;
    }
    if (!req.is('text/csv')) throw unsupportedMediaType('Send contacts as application/json (an array) or text/csv.');
    assertPlainUtf8(req, 'CSV');
    await replyWithStreamedImport(req, res, maxBytes, (body) => importContactsCsv(body, maxBytes));
  });
  return router;
}

/** `/api/contacts`: all staff read; admins and designers edit; admins erase. */
export function contactRoutes(): Router {
  const router = Router();
  router.get(
    '/',
    validated({ query: contactListQuerySchema }, async ({ query }, _req, res) => {
      res.json(await listContacts(query));
    }),
  );
  router.get(
    '/:id',
    validated({ params: contactIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(toContact(await findContact(params.id)));
    }),
  );
  router.patch(
    '/:id',
    requireRole('designer'),
    validated({ params: contactIdParamsSchema, body: contactUpdateSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateContact(params.id, body));
    }),
  );
  router.post(
    '/:id/unsubscribe',
    requireRole('designer'),
    validated({ params: contactIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await unsubscribeContact(params.id));
    }),
  );
  router.post(
    '/:id/resubscribe',
    requireRole('designer'),
    validated({ params: contactIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await resubscribeContact(params.id));
    }),
  );
  router.get(
    '/:id/export',
    requireRole('designer'),
    validated({ params: contactIdParamsSchema }, async ({ params }, _req, res) => {
      res.attachment(`contact-${params.id}.json`).json(await exportContact(params.id));
    }),
  );
  router.delete(
    '/:id',
    requireRole('admin'),
    validated({ params: contactIdParamsSchema }, async ({ params }, _req, res) => {
      await eraseContact(params.id);
      res.status(204).end();
    }),
  );
  return router;
}
