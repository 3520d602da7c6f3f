import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '@shared/cases/sla-policy.schema';
import { alertListSchema } from '@shared/scoring/alerts.schema';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { standardDiffSchema, standardVersionListSchema, standardVersionSchema } from '@shared/standards/standard.schema';
import { touchpointSchema } from '@shared/touchpoints/touchpoint.schema';
import { createSlaPolicy } from '../../server/cases/case-admin.service';
import { checkTouchpointTargets } from '../../server/scores/alerts.service';
import { StandardVersionModel } from '../../server/standards/standard-version.model';
import { createStandardVersion } from '../../server/standards/standard.service';
import { seedFirstStandardVersions } from '../../server/standards/standard-versions.migration';
import { TouchpointModel } from '../../server/touchpoints/touchpoint.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { integrationToken, publishSurvey, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let token: string;
let survey: { id: string; slug: string; version: number };

// A month three months back, so the scheduled check's rolling windows (ending today) never reach it.
const now = new Date();
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
const day = (n: number) => new Date(month.getTime() + (n - 1) * 86_400_000).toISOString().slice(0, 10);
const at = (n: number, time: string) => new Date(`${day(n)}T${time}Z`);

beforeAll(async () => {
  // The scheduled check runs on today's windows; these tests run the check themselves at chosen instants.
  tp = await startTestPlatform({ ALERT_CHECK_EVERY_MS: String(7 * 24 * 3_600_000) });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  token = await integrationToken(tp, admin, 'standards-feed@example.test');
}, 60_000);

afterAll(async () => {
  await tp?.stop();
});

const versions = async (key: string) => standardVersionListSchema.parse((await tp.request(`/api/touchpoints/${key}/standard/versions`, { cookie: admin })).body).versions;
const postVersion = (key: string, body: unknown) => tp.request(`/api/touchpoints/${key}/standard/versions`, { cookie: admin, body });

describe('a touchpoint standard, versioned', () => {
  it('starts at version 1 with the touchpoint, and saving changed targets makes the next version with who and why', async () => {
    expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'desk', name: 'Desk', target: { csat: 4 } } })).status).toBe(201);
    expect(await versions('desk')).toEqual([expect.objectContaining({ version: 1, target: { csat: 4 }, source: 'touchpoint', createdBy: 'admin@example.test', reason: null })]);

    const patched = await tp.request('/api/touchpoints/desk', { method: 'PATCH', cookie: admin, body: { target: { csat: 4.2, nps: 10 }, reason: 'Raised after the Q3 review' } });
    expect(patched.status, patched.text).toBe(200);
    expect(touchpointSchema.parse(patched.body).target).toEqual({ csat: 4.2, nps: 10 });
    // The same targets again (and a name change) make no version; a reason without targets is refused.
    expect((await tp.request('/api/touchpoints/desk', { method: 'PATCH', cookie: admin, body: { name: 'Front desk', target: { nps: 10, csat: 4.2 } } })).status).toBe(200);
    const refused = await tp.request('/api/touchpoints/desk', { method: 'PATCH', cookie: admin, body: { reason: 'why not' } });
    expect(refused.status).toBe(400);
    expect((refused.body as Problem).invalid_params?.map((p) => p.name)).toEqual(['body.reason']);

    // A second touchpoint under the same key is refused, and leaves no version behind (one transaction).
    const twice = await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'desk', name: 'Desk again', target: { nps: 99 } } });
    expect(twice.status).toBe(409);

    const list = await versions('desk');
    expect(list.map((v) => [v.version, v.source, v.reason])).toEqual([[1, 'touchpoint', null], [2, 'touchpoint-edit', 'Raised after the Q3 review']]);
    expect(list[1]).toMatchObject({ createdBy: 'admin@example.test', target: { csat: 4.2, nps: 10 } });
  });

  it('creates versions with commitments and a copy of an SLA policy, and diffs two of them', async () => {
    const policy = await createSlaPolicy({ ...DEFAULT_SLA_POLICY, name: 'Desk SLA' });
    const commitments = [
      { name: 'First response within 1 h', measure: { metric: 'frt-p90', comparator: 'at-most', threshold: 3600 } },
      { name: 'Hotline answered within 30 s', text: 'Counted by the phone system, not here.' },
    ];
    const created = await postVersion('desk', { commitments, slaPolicyId: policy.id, reason: 'Adopt the service charter' });
    expect(created.status, created.text).toBe(201);
    const v3 = standardVersionSchema.parse(created.body);
    expect(v3).toMatchObject({ version: 3, source: 'editor', target: { csat: 4.2, nps: 10 }, slaPolicy: { id: policy.id, policy: { name: 'Desk SLA' } } });

    // Version 4 changes one commitment and a target, and keeps the rest.
    const v4 = await postVersion('desk', { commitments: [{ ...commitments[0], measure: { metric: 'frt-p90', comparator: 'at-most', threshold: 1800 } }, commitments[1]], target: { csat: 4.2, nps: 20 }, reason: 'Faster answers' });
    expect(v4.status, v4.text).toBe(201);
    const diff = standardDiffSchema.parse((await tp.request('/api/touchpoints/desk/standard/diff?from=3&to=4', { cookie: admin })).body);
    expect(diff.commitments).toEqual([expect.objectContaining({ name: 'First response within 1 h', change: 'changed' })]);
    expect(diff.targets).toEqual([{ key: 'nps', change: 'changed', before: 10, after: 20 }]);
    expect(diff.slaPolicy).toEqual([]);
    const fromFirst = standardDiffSchema.parse((await tp.request('/api/touchpoints/desk/standard/diff?from=1&to=4', { cookie: admin })).body);
    expect(fromFirst.slaPolicy).toEqual(expect.arrayContaining([{ field: 'name', change: 'added', before: null, after: 'Desk SLA' }]));

    const current = await tp.request('/api/touchpoints/desk/standard', { cookie: admin });
    expect(standardVersionSchema.parse(current.body).version).toBe(4);
    expect((await tp.request('/api/touchpoints/desk/standard/versions/9', { cookie: admin })).status).toBe(404);
    expect((await tp.request('/api/touchpoints/nowhere/standard/versions', { cookie: admin })).status).toBe(404);
  });

  it('refuses a version without a reason, with an unknown policy, an unknown option, or out of order in time', async () => {
    const cases: Array<[unknown, string]> = [
      [{ target: { nps: 5 } }, 'body.reason'],
      [{ slaPolicyId: 'f'.repeat(24), reason: 'x' }, 'body.slaPolicyId'],
      [{ reason: 'x', colour: 'red' }, 'body'],
      [{ reason: 'x', effectiveFrom: new Date(Date.now() + 3_600_000).toISOString() }, 'body.effectiveFrom'],
      [{ reason: 'x', effectiveFrom: '2020-01-01T00:00:00Z' }, 'body.effectiveFrom'],
      [{ reason: 'x', commitments: [{ name: 'A' }, { name: 'a' }] }, 'body.commitments'],
    ];
    for (const [body, param] of cases) {
      const reply = await postVersion('desk', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect((reply.body as Problem).invalid_params?.map((p) => p.name), JSON.stringify(body)).toContain(param);
    }
    expect((await versions('desk')).length).toBe(4);
  });

  it('never changes or deletes a stored version', async () => {
    const stored = await StandardVersionModel.findOne({ touchpoint: 'desk', version: 1 });
    await expect(StandardVersionModel.updateOne({ touchpoint: 'desk', version: 1 }, { $set: { reason: 'rewritten' } })).rejects.toThrow(/never changed or deleted/);
    await expect(StandardVersionModel.findOneAndUpdate({ touchpoint: 'desk' }, { $set: { target: {} } })).rejects.toThrow(/never changed/);
    await expect(StandardVersionModel.deleteMany({ touchpoint: 'desk' })).rejects.toThrow(/never changed/);
    await expect(StandardVersionModel.bulkWrite([{ deleteOne: { filter: { touchpoint: 'desk' } } }])).rejects.toThrow(/never changed/);
    stored!.set('reason', 'rewritten');
    await expect(stored!.save()).rejects.toThrow(/never changed/);
    expect((await versions('desk'))[0]).toMatchObject({ version: 1, reason: null, target: { csat: 4 } });
  });
});

describe('adopting an improvement action', () => {
  it('makes the next version through createStandardVersion, naming the action and carrying over the rest', async () => {
    const actionId = new Types.ObjectId().toString();
    const before = (await versions('desk')).at(-1)!;
    const adopted = await createStandardVersion({
      touchpoint: 'desk',
      commitments: [...before.commitments, { name: 'Call back within 2 h' }],
      createdBy: 'owner@example.test',
      reason: 'Adopted: call-backs cut repeat contacts',
      source: 'action',
      actionId,
    });
    expect(adopted).toMatchObject({ version: before.version + 1, source: 'action', actionId, target: before.target, slaPolicy: before.slaPolicy });
    const diff = standardDiffSchema.parse((await tp.request(`/api/touchpoints/desk/standard/diff?from=${before.version}&to=${adopted.version}`, { cookie: admin })).body);
    expect(diff).toMatchObject({ commitments: [{ name: 'Call back within 2 h', change: 'added' }], targets: [], slaPolicy: [] });
  });
});

/** Ingests four responses on `n` of the month with NPS (3 − 1)/4 = 50. */
async function npsFiftyOn(touchpoint: string, n: number) {
  for (const recommend of [10, 10, 10, 0]) {
    const body = { survey: survey.id, answers: { satisfaction: 4, recommend }, touchpoint, channel: 'phone', externalId: randomUUID(), submittedAt: `${day(n)}T09:00:00Z` };
    const reply = await tp.request('/api/responses', { token, body, csrf: false });
    expect(reply.status, reply.text).toBe(201);
  }
}

async function scoresOn(touchpoint: string, from: string, to: string, n: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const reply = await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&from=${from}&to=${to}`, { cookie: admin });
    const scores = metricsResponseSchema.parse(reply.body).touchpoints.find((t) => t.touchpoint === touchpoint);
    if (scores?.n === n) return scores;
    if (Date.now() > deadline) throw new Error(`${touchpoint} counts ${scores?.n ?? 0} responses on ${from}..${to}, expected ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('judged by the standard of its time', () => {
  it('migrates targets kept before versions into version 1, once', async () => {
    // A touchpoint as stored before standards had versions: targets on the touchpoint, no version.
    await TouchpointModel.collection.insertOne({ key: 'kiosk', name: 'Kiosk', owners: ['kiosk-owner@example.test'], target: { nps: 60, minN: 3 }, createdAt: month, updatedAt: month });
    expect(await seedFirstStandardVersions()).toBe(1);
    expect(await seedFirstStandardVersions()).toBe(0);
    expect(await versions('kiosk')).toEqual([
      expect.objectContaining({ version: 1, target: { nps: 60, minN: 3 }, source: 'migration', createdBy: null, effectiveFrom: month.toISOString() }),
    ]);
  });

  it('judges days before a mid-month change by the old target and later days by the new one, and alerts name their version', async () => {
    const lowered = await postVersion('kiosk', { target: { nps: 40, minN: 3 }, reason: 'Kiosk moved; 60 was set for the old hall', effectiveFrom: at(15, '00:00:00').toISOString() });
    expect(lowered.status, lowered.text).toBe(201);
    await npsFiftyOn('kiosk', 8);
    await npsFiftyOn('kiosk', 20);

    // The same NPS 50: missed against version 1's 60 on the 8th, met against version 2's 40 on the 20th.
    const early = await scoresOn('kiosk', day(8), day(8), 4);
    expect(early.standardVersion).toBe(1);
    expect(early.targets).toEqual([{ metric: 'nps', target: 60, value: 50, n: 4, minN: 3, status: 'missed' }]);
    const late = await scoresOn('kiosk', day(20), day(20), 4);
    expect(late.standardVersion).toBe(2);
    expect(late.targets).toEqual([{ metric: 'nps', target: 40, value: 50, n: 4, minN: 3, status: 'met' }]);
    // A period is judged by the version in force at its end.
    expect((await scoresOn('kiosk', day(1), day(14), 4)).standardVersion).toBe(1);
    expect((await scoresOn('kiosk', day(1), day(28), 8)).standardVersion).toBe(2);

    // The check on the 10th breaches version 1; the one on the 21st recovers under version 2.
    await checkTouchpointTargets(at(10, '12:00:00'));
    await checkTouchpointTargets(at(21, '12:00:00'));
    const alerts = alertListSchema.parse((await tp.request('/api/metrics/alerts?touchpoint=kiosk', { cookie: admin })).body).alerts;
    expect(alerts.map((a) => [a.kind, a.window, a.target, a.standardVersion]).sort()).toEqual([
      ['breach', 30, 60, 1], ['breach', 7, 60, 1], ['recovery', 30, 40, 2], ['recovery', 7, 40, 2],
    ]);
  });
});
