/** The words of one route in the API description; its inputs come from the schemas it validates with. */
export interface RouteDescription {
  summary: string;
  description?: string;
  /** Reachable without signing in. */
  public?: boolean;
  /** A body that is not JSON (its media type), for routes that read it themselves. */
  rawBody?: string;
  /** What a successful reply holds, when worth saying. */
  reply?: string;
}

/**
 * Every API route's summary, keyed `METHOD /path` as Express declares it. The OpenAPI test fails when a
 * route has no entry here, or an entry names no route.
 */
export const ROUTE_DESCRIPTIONS: Readonly<Record<string, RouteDescription>> = {
  'GET /api/openapi.json': { summary: 'This OpenAPI 3.1 description', public: true },
  'GET /api/health': { summary: 'Health of the database, Redis and mail', public: true, description: 'Anyone gets `{ status }`; signed-in staff also each service. `?deep=true` checks mail afresh.' },
  'POST /api/auth/login': { summary: 'Sign in', public: true, description: 'Sets the session cookie. Rate-limited per account and address.' },
  'GET /api/public/surveys/:slug': { summary: 'A published survey, for respondents', public: true },
  'POST /api/public/surveys/:slug/responses': { summary: 'Submit a response', public: true, reply: '201 `{ id }` when stored; 200 for a repeated submissionId.' },
  'GET /api/auth/me': { summary: 'The signed-in user' },
  'POST /api/auth/logout': { summary: 'Sign out (ends this session)' },
  'POST /api/auth/tokens': { summary: 'Create a personal API token', reply: '201 `{ token }`, shown once.' },
  'GET /api/users': { summary: 'List staff users (admin)' },
  'POST /api/users': { summary: 'Create a staff user (admin)' },
  'GET /api/touchpoints': { summary: 'List touchpoints' },
  'GET /api/touchpoints/:key': { summary: 'One touchpoint' },
  'POST /api/touchpoints': { summary: 'Create a touchpoint (designer)' },
  'PATCH /api/touchpoints/:key': { summary: 'Change a touchpoint (designer)' },
  'GET /api/settings/channels': { summary: 'The channels responses may be tagged with' },
  'PUT /api/settings/channels': { summary: 'Replace the channels (admin)' },
  'GET /api/settings/segments': { summary: 'The customer segments' },
  'PUT /api/settings/segments': { summary: 'Replace the segments (admin)' },
  'GET /api/surveys/templates': { summary: 'Survey templates to start from' },
  'GET /api/surveys': { summary: 'List surveys' },
  'POST /api/surveys': { summary: 'Create a survey draft (designer)' },
  'GET /api/surveys/:id': { summary: 'One survey with its draft' },
  'PUT /api/surveys/:id': { summary: 'Save a survey draft (designer)' },
  'POST /api/surveys/:id/publish': { summary: 'Publish the draft as a new version (designer)' },
  'POST /api/surveys/:id/archive': { summary: 'Archive a survey (designer)' },
  'POST /api/surveys/:id/restore': { summary: 'Restore an archived survey (designer)' },
  'GET /api/surveys/:id/versions/:n': { summary: 'One published version of a survey' },
  'POST /api/surveys/:id/links': { summary: 'Make a public survey link whose touchpoint and channel are signed (designer)', reply: 'The link, its `tp`/`ch` carrying a MAC so respondents cannot change them.' },
  'GET /api/distributions': { summary: 'List distributions' },
  'POST /api/distributions': { summary: 'Create a distribution: who gets which survey when (designer)' },
  'GET /api/distributions/:id': { summary: 'One distribution with its counts' },
  'GET /api/distributions/:id/outbox': { summary: "A distribution's emails and their states" },
  'POST /api/distributions/:id/pause': { summary: 'Pause a distribution' },
  'POST /api/distributions/:id/resume': { summary: 'Resume a paused distribution' },
  'POST /api/distributions/:id/cancel': { summary: 'Cancel a distribution' },
  'GET /api/email-templates': { summary: 'Email templates in force, per kind and language' },
  'POST /api/email-templates/preview': { summary: 'Render a template with sample values' },
  'PUT /api/email-templates/:kind/:locale': { summary: 'Override a built-in email template (admin)' },
  'DELETE /api/email-templates/:kind/:locale': { summary: 'Go back to the built-in template (admin)' },
  'GET /api/metrics/touchpoints': { summary: 'Scores per touchpoint over a date range' },
  'GET /api/metrics/trend': { summary: 'A score over time' },
  'GET /api/metrics/alerts': { summary: 'Target breaches and recoveries' },
  'GET /api/metrics/index-weights': { summary: 'Weights of the composite service-quality index' },
  'PUT /api/metrics/index-weights': { summary: 'Change the index weights (admin)' },
  'GET /api/surveys/:id/follow-up-rule': { summary: "A survey's low-score follow-up rule" },
  'PUT /api/surveys/:id/follow-up-rule': { summary: "Set a survey's follow-up rule (designer)" },
  'POST /api/responses/:id/follow-up/done': { summary: "Close a response's follow-up" },
  'GET /api/surveys/:id/responses': { summary: "A survey's responses, newest first, paged" },
  'GET /api/surveys/:id/responses.csv': { summary: "Export a survey's responses as CSV", reply: 'text/csv' },
  'DELETE /api/responses/:id': { summary: 'Delete a response (admin)', description: 'Its scores are taken out; `response.deleted` webhooks follow.' },
  'POST /api/contacts': { summary: 'Import contacts from CSV (admin)', rawBody: 'text/csv', description: 'The CSV file is the request body, streamed; CONTACT_IMPORT_MAX_BYTES at most.' },
  'GET /api/contacts': { summary: 'Search contacts' },
  'GET /api/contacts/:id': { summary: 'One contact' },
  'PATCH /api/contacts/:id': { summary: 'Change a contact' },
  'POST /api/contacts/:id/unsubscribe': { summary: 'Unsubscribe a contact from survey emails' },
  'POST /api/contacts/:id/resubscribe': { summary: 'Subscribe a contact again' },
  'GET /api/contacts/:id/export': { summary: "Everything stored about a contact (subject access)" },
  'DELETE /api/contacts/:id': { summary: 'Erase a contact; their responses are anonymised (admin)' },
  'GET /api/webhooks': { summary: 'List webhook endpoints (admin)' },
  'POST /api/webhooks': { summary: 'Register a webhook endpoint (admin)', reply: '201: the endpoint with its `whsec_` signing secret, shown only here.' },
  'GET /api/webhooks/:id': { summary: 'One webhook endpoint (admin)' },
  'PATCH /api/webhooks/:id': { summary: 'Change a webhook endpoint (admin)' },
  'DELETE /api/webhooks/:id': { summary: 'Delete a webhook endpoint and its deliveries (admin)' },
  'GET /api/webhooks/:id/deliveries': { summary: "An endpoint's deliveries: status, attempts, response code, time (admin)" },
  'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': { summary: 'Send a delivery again, same event id (admin)' },
};
