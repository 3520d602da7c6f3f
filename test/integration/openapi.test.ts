import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { appRoutes } from '../../server/openapi/route-walk';
import { describeApi } from '../../server/openapi/openapi-document';
import { ROUTE_DESCRIPTIONS } from '../../server/openapi/route-descriptions';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import type { Problem } from './responses-fixtures';

type JsonSchema = { type?: string; required?: string[]; properties?: Record<string, JsonSchema>; additionalProperties?: boolean };
type Operation = { summary?: string; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let tp: TestPlatform;
let admin: string;
let doc: Document;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  const reply = await tp.request('/api/openapi.json', { csrf: false });
  expect(reply.status).toBe(200);
  doc = reply.body as Document;
});
afterAll(async () => {
  await tp?.stop();
});

/** A path of the document with its parameters filled in with well-formed values. */
const concrete = (path: string) => path.replace('{kind}', 'invitation').replace('{locale}', 'en').replace('{n}', '1').replace(/\{[^}]+\}/g, '0123456789abcdef01234567');

describe('the OpenAPI description', () => {
  it('is OpenAPI 3.1, valid by an independent validator, and served without signing in', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every /api route the app serves, each with a summary, and describes nothing that is not served', () => {
    const { undocumented, stale } = describeApi(createApp(tp.platform.context));
    expect(undocumented).toEqual([]);
    expect(stale).toEqual([]);
    const served = appRoutes(createApp(tp.platform.context)).map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(served.sort());
    for (const item of Object.values(doc.paths)) for (const operation of Object.values(item)) expect(operation.summary).toBeTruthy();
  });

  it('reports a route without a description, so the test above fails for it', () => {
    const { 'DELETE /api/webhooks/:id': _removed, ...fewer } = ROUTE_DESCRIPTIONS;
    const { undocumented } = describeApi(createApp(tp.platform.context), fewer);
    expect(undocumented).toEqual(['DELETE /api/webhooks/:id']);
  });

  it('documents the request bodies the routes validate: what it calls invalid the route refuses with 400', async () => {
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema || path === '/api/auth/login') continue;
        const url = concrete(path);
        if (schema.required?.length) {
          // Missing every required field: the route names them.
          const reply = await tp.request(url, { cookie: admin, method: method.toUpperCase(), body: {} });
          expect(reply.status, `${method} ${path}`).toBe(400);
          const names = (reply.body as Problem).invalid_params?.map((param) => param.name) ?? [];
          for (const field of schema.required) expect(names, `${method} ${path}`).toContain(`body.${field}`);
          checked++;
        }
        if (schema.additionalProperties === false) {
          // A field the document does not allow: refused, not ignored.
          const reply = await tp.request(url, { cookie: admin, method: method.toUpperCase(), body: { notInTheSchema: true } });
          expect(reply.status, `${method} ${path}`).toBe(400);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('documents path and query parameters the routes validate', async () => {
    const params = (doc.paths['/api/webhooks/{id}/deliveries']!.get as unknown as { parameters: { name: string; in: string }[] }).parameters;
    expect(params.map((p) => `${p.in} ${p.name}`).sort()).toEqual(['path id', 'query limit', 'query status']);
    expect((await tp.request('/api/webhooks/not-an-id/deliveries', { cookie: admin })).status).toBe(400);
    expect((await tp.request('/api/webhooks/0123456789abcdef01234567/deliveries?colour=red', { cookie: admin })).status).toBe(400);
  });
});
