import { Router } from 'express';
import { emailTemplateBodySchema, emailTemplateParamsSchema, emailTemplatePreviewInputSchema } from '@shared/mail/template.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { listEmailTemplates, previewEmailTemplate, resetEmailTemplate, saveEmailTemplate } from './templates';

/** `/api/email-templates`: all staff read them; admins and designers edit, reset and preview. */
export function emailTemplateRoutes(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ templates: await listEmailTemplates() });
  });
  router.post(
    '/preview',
    requireRole('admin', 'designer'),
    validated({ body: emailTemplatePreviewInputSchema }, async ({ body }, _req, res) => {
      res.json(await previewEmailTemplate(body));
    }),
  );
  router.put(
    '/:kind/:locale',
    requireRole('admin', 'designer'),
    validated({ params: emailTemplateParamsSchema, body: emailTemplateBodySchema }, async ({ params, body }, req, res) => {
      await saveEmailTemplate(params.kind, params.locale, body, req.auth?.user.id ?? null);
      res.json((await listEmailTemplates()).find((t) => t.kind === params.kind && t.locale === params.locale));
    }),
  );
  router.delete(
    '/:kind/:locale',
    requireRole('admin', 'designer'),
    validated({ params: emailTemplateParamsSchema }, async ({ params }, _req, res) => {
      await resetEmailTemplate(params.kind, params.locale);
      res.status(204).end();
    }),
  );
  return router;
}
