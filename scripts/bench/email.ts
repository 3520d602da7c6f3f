// Email bench: `npm run bench:email [-- --contacts 5000 --concurrency <MAIL_CONCURRENCY> --batch <MAIL_BATCH_SIZE> --timeline]`.
// Sends invitations to N contacts through the whole pipeline (POST-equivalent createDistribution → occurrence
// job → bulk-enqueued send jobs → sendOnce → the pooled nodemailer transport) against a counting SMTP server
// in a child process, and compares the rate with a bare pooled nodemailer loop sending N messages of the
// same size to the same server in the same run. The platform runs as `npm start` does: embedded store and
// redis-server, API and workers in one process. The ratio is what to read; absolute rates depend on the machine.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { createDistributionInputSchema } from '../../shared/distributions/distribution.schema';
import { loadConfig } from '../../server/config';
import { ContactModel } from '../../server/contacts/contact.model';
import { createDistribution, getDistribution } from '../../server/distributions/distribution.service';
import { createMailer } from '../../server/lib/mailer';
import { renderEmail } from '../../server/mail/templates';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../../server/mail/unsubscribe';
import { startPlatform } from '../../server/platform';
import { createSurvey, publishSurvey } from '../../server/surveys/survey.service';
import { createTouchpoint } from '../../server/touchpoints/touchpoint.service';
import { startSmtpSink, type SinkStats, type SmtpSink } from './lib/smtp-sink-client';

const { values: flags } = parseArgs({ options: { contacts: { type: 'string', default: '5000' }, concurrency: { type: 'string' }, batch: { type: 'string' }, timeline: { type: 'boolean', default: false } } });
const N = Number(flags.contacts);
const GOAL = 0.7;

async function waitForMessages(sink: SmtpSink, prefix: string, count: number, timeoutMs = 300_000): Promise<SinkStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await sink.stats(prefix);
    if (stats.messages >= count) return stats;
    if (Date.now() > deadline) throw new Error(`only ${stats.messages} of ${count} messages to ${prefix}* arrived`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-email-'));
const sink = await startSmtpSink();
const config = loadConfig({
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  SMTP_URL: sink.url,
  ADMIN_PASSWORD: 'bench-password-0123',
  PUBLIC_URL: 'https://feedback.example.test',
  ...(flags.concurrency ? { MAIL_CONCURRENCY: flags.concurrency } : {}),
  ...(flags.batch ? { MAIL_BATCH_SIZE: flags.batch } : {}),
});
const platform = await startPlatform(config, { api: true, workers: true });
const ctx = platform.context;
try {
  const userId = new Types.ObjectId().toString();
  const { id: surveyId } = await createSurvey({ title: 'Branch visit', template: 'csat' }, userId);
  await publishSurvey(surveyId, userId);
  await createTouchpoint({ key: 'branch', name: 'Branch' });
  await ContactModel.insertMany(
    Array.from({ length: N }, (_, i) => ({ email: `pipe-${i}@bench.test`, name: `Customer ${i}`, segment: 'regular', locale: 'en' })),
    { lean: true },
  );
  console.log(`email bench: ${N} invitations, ${os.cpus().length} CPUs, SMTP pool of 5 connections, ${config.MAIL_CONCURRENCY} emails in flight, batches of ${config.MAIL_BATCH_SIZE}`);

  // Bare loop: the same transport settings, a message of the same template and headers, every send at once.
  const contactId = new Types.ObjectId();
  const sample = await renderEmail('invitation', 'en', {
    name: 'Customer 0',
    email: 'pipe-0@bench.test',
    surveyTitle: 'Branch visit',
    surveyLink: `https://feedback.example.test/s/abcdefghij?t=${'x'.repeat(43)}`,
    touchpoint: 'Branch',
    unsubscribeLink: unsubscribeUrl(ctx, contactId),
  });
  const mailer = createMailer(sink.url, config.MAIL_FROM);
  const bare = async (prefix: string, count: number) => {
    const started = Date.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        mailer.sendMail({ to: `${prefix}-${i}@bench.test`, subject: sample.subject, html: sample.html, text: sample.text, headers: listUnsubscribeHeaders(unsubscribeUrl(ctx, contactId)) }),
      ),
    );
    const stats = await waitForMessages(sink, `${prefix}-`, count);
    return { ...stats, seconds: (stats.lastAt - started) / 1000 };
  };
  await bare('warmup', Math.min(500, N));
  const baseline = await bare('bare', N);
  mailer.close();

  const started = Date.now();
  const input = createDistributionInputSchema.parse({
    survey: surveyId,
    touchpoint: 'branch',
    audience: { segment: 'regular' },
    schedule: { type: 'once' },
    reminders: { afterDays: 3, max: 1 },
    quarantineDays: 30,
  });
  const { id } = await createDistribution(ctx, input, null);
  const timeline = flags.timeline
    ? setInterval(() => void sink.stats('pipe-').then((s) => console.log(`  +${((Date.now() - started) / 1000).toFixed(1)} s: ${s.messages} delivered`)), 1000)
    : null;
  const pipeline = await waitForMessages(sink, 'pipe-', N);
  if (timeline) clearInterval(timeline);
  const pipelineSeconds = (pipeline.lastAt - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would show up here
  const settled = await sink.stats('pipe-');
  const { counts } = await getDistribution(id);

  const rate = (count: number, seconds: number) => count / seconds;
  const bareRate = rate(baseline.messages, baseline.seconds);
  const pipeRate = rate(N, pipelineSeconds);
  console.log('');
  console.log(`${'path'.padEnd(44)} ${'emails'.padStart(7)} ${'seconds'.padStart(8)} ${'emails/s'.padStart(9)}`);
  console.log(`${'bare pooled nodemailer loop'.padEnd(44)} ${String(baseline.messages).padStart(7)} ${baseline.seconds.toFixed(2).padStart(8)} ${bareRate.toFixed(0).padStart(9)}`);
  console.log(`${'distribution pipeline (schedule → last mail)'.padEnd(44)} ${String(N).padStart(7)} ${pipelineSeconds.toFixed(2).padStart(8)} ${pipeRate.toFixed(0).padStart(9)}`);
  console.log(`\nratio pipeline/bare: ${(pipeRate / bareRate).toFixed(3)} (goal >= ${GOAL})`);
  const exactlyOnce = settled.messages === N && settled.recipients === N && settled.duplicated === 0;
  console.log(`delivery: ${settled.recipients} recipients, ${settled.messages} messages, ${settled.duplicated} with more than one → ${exactlyOnce ? 'exactly once each' : 'NOT exactly once'}`);
  console.log(`distribution counts: sent ${counts.sent}, failed ${counts.failed}, queued ${counts.queued}`);
  if (!exactlyOnce) process.exitCode = 1;
} finally {
  sink.stop();
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
