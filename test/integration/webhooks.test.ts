import type { Worker } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWebhookEndpoint, WebhookDelivery, WebhookEndpoint } from '@shared/webhooks/webhook.schema';
import { DistributionModel } from '../../server/distributions/distribution.model';
import { sweepReminders } from '../../server/distributions/reminder.service';
import { JOB_DEFINITIONS } from '../../server/jobs';
import { AlertModel } from '../../server/scores/alert.model';
import { targetAlertEmailJob } from '../../server/scores/alerts.job';
import { createRedis } from '../../server/lib/redis';
import { startWorkers } from '../../server/lib/queue';
import { webhookDeliveryJob } from '../../server/webhooks/webhook-delivery.job';
import { emitWebhookEvent, webhookEventId } from '../../server/webhooks/webhook-events';
import { createWebhookEndpoint } from '../../server/webhooks/webhook.service';
import { WebhookDeliveryModel, WebhookEndpointModel } from '../../server/webhooks/webhook.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { waitUntil } from './follow-up-fixtures';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';
import { readmeVerifier, startReceiver } from './webhooks-fixtures';

let tp: TestPlatform;
let admin: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let survey: { id: string; slug: string; version: number };
let secondWorker: Worker;
let verifyWebhook: Awaited<ReturnType<typeof readmeVerifier>>;

const MAX_ATTEMPTS = 5;

beforeAll(async () => {
  receiver = await startReceiver();
  tp = await startTestPlatform({
    WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_SWEEP_MS: '300',
  });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  // A second worker on the same queue, as a second worker process would be.
  const { context } = tp.platform;
  [secondWorker] = startWorkers([webhookDeliveryJob], {
    connection: createRedis(context.services.redisUrl, 'worker'),
    prefix: context.config.QUEUE_PREFIX,
    context,
    lockDurationMs: 30_000,
    stalledCheckMs: 30_000,
  }) as [Worker];
  verifyWebhook = await readmeVerifier();
});
afterAll(async () => {
  await secondWorker?.close();
  await tp?.stop();
  await receiver?.stop();
});

async function createEndpoint(path: string, events: string[] = ['response.created']): Promise<CreatedWebhookEndpoint> {
  const reply = await tp.request('/api/webhooks', { cookie: admin, body: { url: receiver.url(path), events } });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as CreatedWebhookEndpoint;
}

async function submitResponse(): Promise<string> {
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version), csrf: false });
  expect(reply.status).toBe(201);
  return (reply.body as { id: string }).id;
}

const deliveries = async (endpointId: string) =>
  ((await tp.request(`/api/webhooks/${endpointId}/deliveries`, { cookie: admin })).body as { deliveries: WebhookDelivery[] }).deliveries;

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

describe('webhook endpoints', () => {
  it('shows the whsec_ secret once, never in lists, and refuses unknown events and options', async () => {
    const created = await createEndpoint('/crud');
    expect(created.secret).toMatch(/^whsec_/);
    const list = (await tp.request('/api/webhooks', { cookie: admin })).body as { endpoints: WebhookEndpoint[] };
    expect(list.endpoints.find((e) => e.id === created.id)).toMatchObject({ url: receiver.url('/crud'), enabled: true, failingSince: null });
    expect(JSON.stringify(list)).not.toContain('whsec_');
    const bad = await tp.request('/api/webhooks', { cookie: admin, body: { url: receiver.url('/x'), events: ['case.exploded'], colour: 'red' } });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).invalid_params?.map((p) => p.name)).toEqual(expect.arrayContaining(['body.events.0', 'body']));
    expect((await tp.request(`/api/webhooks/${created.id}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
  });

  it('changes an endpoint, checking a new URL like a new endpoint', async () => {
    const created = await createEndpoint('/patch');
    const changed = await tp.request(`/api/webhooks/${created.id}`, { cookie: admin, method: 'PATCH', body: { events: ['alert.breach'], enabled: false } });
    expect(changed.body).toMatchObject({ events: ['alert.breach'], enabled: false });
    const moved = await tp.request(`/api/webhooks/${created.id}`, { cookie: admin, method: 'PATCH', body: { url: 'http://192.168.1.1/' } });
    expect(moved.status).toBe(400);
    expect((await tp.request(`/api/webhooks/${created.id}`, { cookie: admin, method: 'PATCH', body: {} })).status).toBe(400);
    expect((await tp.request(`/api/webhooks/${created.id}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
    expect((await tp.request(`/api/webhooks/${created.id}`, { cookie: admin })).status).toBe(404);
  });

  it('refuses private, loopback and metadata URLs not named by WEBHOOK_ALLOW_PRIVATE, at save', async () => {
    for (const url of ['http://10.0.0.7/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/', 'http://[::ffff:192.168.0.1]/', 'http://127.0.0.2/']) {
      const reply = await tp.request('/api/webhooks', { cookie: admin, body: { url, events: ['response.created'] } });
      expect(reply.status, url).toBe(400);
      expect((reply.body as Problem).invalid_params?.[0]?.name).toBe('body.url');
    }
    // Without the setting, even 127.0.0.1 and a name resolving to it (localhost) are refused.
    const strict = { ...tp.platform.context, config: { ...tp.platform.context.config, WEBHOOK_ALLOW_PRIVATE: [] } };
    for (const url of [receiver.url('/strict'), receiver.url('/strict').replace('127.0.0.1', 'localhost')]) {
      await expect(createWebhookEndpoint(strict, { url, events: ['response.created'], description: '', enabled: true })).rejects.toMatchObject({ status: 400 });
    }
  });

  it('is for admins only', async () => {
    const user = { email: 'designer@example.test', name: 'D', role: 'designer', password: 'designer-password-1' };
    expect((await tp.request('/api/users', { cookie: admin, body: user })).status).toBe(201);
    const designer = await tp.login(user.email, user.password);
    expect((await tp.request('/api/webhooks', { cookie: designer })).status).toBe(403);
    expect((await tp.request('/api/webhooks', { csrf: false })).status).toBe(401);
  });
});

describe('webhook deliveries', () => {
  it('delivers a new response once, signed so that standardwebhooks and the README code verify it, under two workers and repeated emits', async () => {
    const endpoint = await createEndpoint('/created');
    const responseId = await submitResponse();
    const eventId = webhookEventId('response.created', responseId);
    // The same event emitted again, as a retried job would: still one delivery.
    for (let i = 0; i < 3; i++) {
      await emitWebhookEvent(tp.platform.context, { type: 'response.created', subjectId: responseId, at: new Date(), data: {} });
    }
    await waitUntil(async () => receiver.at('/created').length, (n) => n >= 1);
    await settle();
    const got = receiver.at('/created');
    expect(got).toHaveLength(1);
    const [request] = got as [(typeof got)[number]];
    expect(request.headers['webhook-id']).toBe(eventId);
    const event = new Webhook(endpoint.secret).verify(request.body, request.headers) as { id: string; type: string; data: { responseId: string; surveyId: string } };
    expect(event).toMatchObject({ id: eventId, type: 'response.created', data: { responseId, surveyId: survey.id } });
    expect(verifyWebhook(endpoint.secret, request.headers, request.body)).toEqual(event);
    expect(await deliveries(endpoint.id)).toEqual([expect.objectContaining({ eventId, status: 'delivered', attempts: 1, responseCode: 204 })]);
  });

  it('a forged or stale signature fails the README verification', async () => {
    const request = receiver.at('/created')[0]!;
    const secret = (await WebhookEndpointModel.findOne({ url: receiver.url('/created') }).lean())!.secret;
    expect(() => verifyWebhook(secret, request.headers, request.body.replace('response.created', 'response.deleted'))).toThrow(/signature/);
    expect(() => verifyWebhook('whsec_' + Buffer.from('another secret of 24 b!!').toString('base64'), request.headers, request.body)).toThrow(/signature/);
    expect(() => verifyWebhook(secret, { ...request.headers, 'webhook-signature': 'v1,' + Buffer.alloc(32).toString('base64') }, request.body)).toThrow(/signature/);
    expect(() => verifyWebhook(secret, { ...request.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) }, request.body)).toThrow(/stale/);
    expect(() => verifyWebhook(secret, { ...request.headers, 'webhook-timestamp': 'soon' }, request.body)).toThrow(/stale/);
  });

  it('retries a receiver failing three times and delivers on the fourth attempt, with the same event id', async () => {
    receiver.failures.set('/flaky', 3);
    const endpoint = await createEndpoint('/flaky');
    const responseId = await submitResponse();
    await waitUntil(async () => (await deliveries(endpoint.id))[0]?.status, (status) => status === 'delivered');
    const got = receiver.at('/flaky');
    expect(got).toHaveLength(4);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([webhookEventId('response.created', responseId)]));
    for (const request of got) expect(verifyWebhook(endpoint.secret, request.headers, request.body)).toMatchObject({ data: { responseId } });
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ attempts: 4, responseCode: 204, error: null });
  });

  it('after the last attempt marks the endpoint failing and tells the admin once; a redelivery then succeeds and ends it', async () => {
    receiver.failures.set('/down', 1000);
    const endpoint = await createEndpoint('/down');
    const before = tp.mailbox.messages.length;
    await submitResponse();
    await submitResponse();
    await waitUntil(async () => (await deliveries(endpoint.id)).map((d) => d.status), (s) => s.length === 2 && s.every((x) => x === 'failed'), 20_000);
    const [failed] = (await deliveries(endpoint.id)) as [WebhookDelivery];
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, responseCode: 500, error: 'HTTP 500' });
    const marked = (await tp.request(`/api/webhooks/${endpoint.id}`, { cookie: admin })).body as WebhookEndpoint;
    expect(marked.failingSince).not.toBeNull();
    await tp.mailbox.waitFor(before + 1);
    await settle();
    const mails = tp.mailbox.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['admin@example.test']);

    receiver.failures.set('/down', 0);
    const again = await tp.request(`/api/webhooks/${endpoint.id}/deliveries/${failed.id}/redeliver`, { cookie: admin, method: 'POST' });
    expect(again.status).toBe(200);
    await waitUntil(async () => (await deliveries(endpoint.id)).find((d) => d.id === failed.id)?.status, (s) => s === 'delivered');
    expect(receiver.at('/down').at(-1)!.headers['webhook-id']).toBe(failed.eventId);
    expect(((await tp.request(`/api/webhooks/${endpoint.id}`, { cookie: admin })).body as WebhookEndpoint).failingSince).toBeNull();
    // A delivery still being attempted is not queued twice.
    const pending = await WebhookDeliveryModel.create({ endpointId: endpoint.id, eventId: 'evt_manual', type: 'response.created', body: '{}' });
    expect((await tp.request(`/api/webhooks/${endpoint.id}/deliveries/${pending._id.toString()}/redeliver`, { cookie: admin, method: 'POST' })).status).toBe(409);
  });

  it('announces a deleted response, written in the deletion and queued by the sweep', async () => {
    const endpoint = await createEndpoint('/deleted', ['response.deleted']);
    const responseId = await submitResponse();
    expect((await tp.request(`/api/responses/${responseId}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
    await waitUntil(async () => receiver.at('/deleted').length, (n) => n === 1);
    const [request] = receiver.at('/deleted') as [ReturnType<typeof receiver.at>[number]];
    expect(verifyWebhook(endpoint.secret, request.headers, request.body)).toMatchObject({ type: 'response.deleted', data: { responseId, surveyId: survey.id } });
  });

  it('checks the address again at delivery: an endpoint now pointing at a private address fails at once, unsent', async () => {
    const endpoint = await createEndpoint('/moved');
    await WebhookEndpointModel.updateOne({ _id: endpoint.id }, { $set: { url: 'http://10.0.0.7:9/hook' } });
    await submitResponse();
    await waitUntil(async () => (await deliveries(endpoint.id))[0]?.status, (status) => status === 'failed');
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ attempts: 1, responseCode: null, error: expect.stringMatching(/10\.0\.0\.7.*private/) });
  });

  it('announces a target breach from the alert job, once however often the job runs', async () => {
    const endpoint = await createEndpoint('/alerts', ['alert.breach', 'alert.recovery']);
    const alert = await AlertModel.create({ touchpoint: 'branch', window: 7, metric: 'nps', kind: 'breach', value: 12, target: 30, n: 40, at: new Date() });
    const alertId = alert._id.toString();
    for (const jobId of ['first', 'again']) await tp.platform.context.queues.enqueue(targetAlertEmailJob, { alertId }, { jobId: `alert-${alertId}-${jobId}` });
    await waitUntil(async () => receiver.at('/alerts').length, (n) => n >= 1);
    await settle();
    const got = receiver.at('/alerts');
    expect(got).toHaveLength(1);
    expect(verifyWebhook(endpoint.secret, got[0]!.headers, got[0]!.body)).toMatchObject({
      id: webhookEventId('alert.breach', alertId),
      type: 'alert.breach',
      data: { alertId, touchpoint: 'branch', metric: 'nps', value: 12, target: 30, window: 7, n: 40 },
    });
  });

  it('announces a one-time distribution completed by the reminder sweep, with the completion', async () => {
    const endpoint = await createEndpoint('/distributions', ['distribution.completed']);
    const distribution = await DistributionModel.create({
      surveyId: survey.id, touchpoint: 'branch', audience: { segment: 'none' }, schedule: { type: 'once' }, reminders: { afterDays: 1, max: 0 },
      quarantineDays: 0, tokenTtlDays: 7, lastOccurrence: 'once',
    });
    expect((await sweepReminders(tp.platform.context)).completed).toBe(1);
    await waitUntil(async () => receiver.at('/distributions').length, (n) => n === 1);
    const [request] = receiver.at('/distributions') as [ReturnType<typeof receiver.at>[number]];
    const id = distribution._id.toString();
    expect(verifyWebhook(endpoint.secret, request.headers, request.body)).toMatchObject({
      id: webhookEventId('distribution.completed', id),
      data: { distributionId: id, surveyId: survey.id, touchpoint: 'branch' },
    });
  });

  it('the platform runs the delivery and sweep jobs', () => {
    expect(JOB_DEFINITIONS.map((job) => job.queue)).toEqual(expect.arrayContaining(['webhook-delivery', 'webhook-sweep']));
  });
});
