import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import type { AppContext } from './app-context';
import { accountRoutes, authRoutes, publicAuthRoutes } from './auth/auth.routes';
import { userRoutes } from './auth/user.routes';
import { requireAuth } from './auth/auth.middleware';
import { roleScope } from './auth/role-scope.middleware';
import { integrationTokenRoutes } from './auth/integration-token.routes';
import { distributionRoutes } from './distributions/distribution.routes';
import { contactImportRoutes, contactRoutes } from './contacts/contact.routes';
import { healthRoutes } from './health/health.routes';
import { settingsRoutes } from './settings/settings.routes';
import { publicResponseRoutes, responseRoutes } from './responses/response.routes';
import { responseIngestRoutes } from './ingest/response-ingest.routes';
import { respondPageHandler } from './surveys/respond-page';
import { publicSurveyRoutes, surveyRoutes } from './surveys/survey.routes';
import { metricsRoutes } from './scores/metrics.routes';
import { standardRoutes } from './standards/standard.routes';
import { reportRoutes } from './reports/report.routes';
import { themeRoutes } from './themes/theme.routes';
import { touchpointRoutes } from './touchpoints/touchpoint.routes';
import { channelLinkRoutes } from './channels/channel-link.routes';
import { kioskDeviceRoutes, publicKioskRoutes } from './channels/kiosk-device.routes';
import { shortLinkRoutes } from './channels/short-link.routes';
import { errorHandler, notFoundHandler } from './lib/errors';
import { followUpRoutes } from './follow-up/follow-up.routes';
import { caseAdminRoutes, caseRoutes } from './cases/case.routes';
import { caseMessageRoutes, casePageRoutes, publicCaseRoutes } from './cases/customer/case-customer.routes';
import { caseIntakeAdminRoutes } from './cases/case-intake-admin.routes';
import { publicComplaintRoutes } from './cases/complaint-form.routes';
import { actionRoutes } from './actions/action.routes';
import { emailTemplateRoutes } from './mail/email-template.routes';
import { unsubscribeRoutes } from './contacts/unsubscribe.routes';
import { QUEUE_BOARD_PATH, queueBoardRoutes } from './ops/queue-board.routes';
import { redactUrl } from './lib/redact-url';
import { useLinearTimeValidators } from './lib/validator-regexp';
import { webhookRoutes } from './webhooks/webhook.routes';
import { openApiRoute } from './openapi/openapi.routes';
import { API_DOCS_PATH, apiDocsRoutes } from './openapi/api-docs.routes';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Gives each request an id (kept from X-Request-Id when sane) and logs it once finished. */
function requestLogging(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.log = ctx.logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.log.info({ method: req.method, url: redactUrl(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

/** Smallest body compressed on the fly; below one packet compression saves nothing worth the CPU. */
const COMPRESS_THRESHOLD = 1024;

/**
 * Compresses pages and API JSON per response (brotli preferred, quality 4 by default, fast enough per
 * request). Built assets are not recompressed: they are sent from the .br/.gz copies the build writes,
 * and this middleware leaves responses that already carry a Content-Encoding alone.
 */
function onTheFlyCompression(): RequestHandler {
  return compression({ threshold: COMPRESS_THRESHOLD });
}

/** Static files sent as their prebuilt .br or .gz copy by the request's Accept-Encoding (Vary set). */
function precompressedStatic(root: string, serveStatic: { immutable?: boolean; maxAge?: string }): RequestHandler {
  return expressStaticGzip(root, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { ...serveStatic, index: false } });
}

/** Serves the built client: the respondent entry for /s/*, the complaint form for /complain/*, the staff app for everything else. */
function clientRoutes(clientDist: string): express.Router {
  const router = express.Router();
  router.use('/assets', precompressedStatic(path.join(clientDist, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(precompressedStatic(clientDist, {}));
  router.get(['/s/:slug', '/s/:slug/'], respondPageHandler(clientDist));
  // A touchpoint's public complaint form (the link its QR code carries); the page loads the form itself.
  router.get(['/complain/:touchpoint', '/complain/:touchpoint/'], (_req, res) => res.sendFile(path.join(clientDist, 'complaint.html')));
  router.get(/^\/(?!api(?:\/|$)).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  return router;
}

/** Builds the Express app; never listens, so tests drive it directly. */
export function createApp(ctx: AppContext): express.Express {
  // Designer regex validators meet public answers here: test them in linear time (issue 13, ReDoS).
  useLinearTimeValidators(ctx.logger);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(requestLogging(ctx));
  app.use(onTheFlyCompression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // SurveyJS sets inline styles on rendered questions.
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // Contact import streams CSV and limits its own size, so it reads the body before the JSON parser would.
  app.use('/api/contacts', contactImportRoutes(ctx));
  app.use(express.json({ limit: ctx.config.JSON_BODY_LIMIT, strict: true }));

  app.get('/api/openapi.json', openApiRoute(app));
  app.use('/api/health', healthRoutes(ctx));
  app.use('/api/auth', publicAuthRoutes(ctx));
  app.use('/api/public/surveys', publicSurveyRoutes());
  app.use('/api/public/surveys', publicResponseRoutes(ctx));
  app.use('/api/public/kiosk', publicKioskRoutes(ctx));
  app.use('/api/public/cases', publicCaseRoutes(ctx));
  app.use('/api/public/complaints', publicComplaintRoutes(ctx));
  app.use('/api/public', notFoundHandler);
  app.use('/u', unsubscribeRoutes(ctx));
  app.use('/q', shortLinkRoutes(ctx));
  app.use('/c', casePageRoutes(ctx));
  app.use('/api/auth', accountRoutes(ctx));
  app.use('/api', requireAuth(ctx.auth));
  app.use('/api', roleScope());
  app.use('/api/auth', authRoutes(ctx));
  app.use('/api/users', userRoutes(ctx));
  app.use('/api/users', integrationTokenRoutes(ctx));
  app.use('/api/touchpoints', touchpointRoutes());
  app.use('/api/touchpoints', standardRoutes());
  app.use('/api/settings', settingsRoutes());
  app.use('/api/surveys', surveyRoutes(ctx));
  app.use('/api/surveys', channelLinkRoutes(ctx));
  app.use('/api/kiosks', kioskDeviceRoutes(ctx));
  app.use('/api/distributions', distributionRoutes(ctx));
  app.use('/api/email-templates', emailTemplateRoutes());
  app.use('/api/metrics', metricsRoutes());
  app.use('/api/reports', reportRoutes(ctx));
  app.use('/api/themes', themeRoutes(ctx));
  app.use('/api', followUpRoutes());
  app.use('/api/responses', responseIngestRoutes(ctx));
  app.use('/api', responseRoutes());
  app.use('/api/contacts', contactRoutes());
  app.use('/api/webhooks', webhookRoutes(ctx));
  app.use('/api/cases', caseRoutes(ctx));
  app.use('/api/cases', caseMessageRoutes(ctx));
  // Before the admin-only router: agents may read the categories.
  app.use('/api/case-admin', caseIntakeAdminRoutes());
  app.use('/api/case-admin', caseAdminRoutes());
  app.use('/api/actions', actionRoutes(ctx));
  app.use('/api', notFoundHandler);
  app.use(QUEUE_BOARD_PATH, queueBoardRoutes(ctx));
  app.use(API_DOCS_PATH, apiDocsRoutes(ctx));

  if (fs.existsSync(path.join(ctx.config.clientDist, 'index.html'))) app.use(clientRoutes(ctx.config.clientDist));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
