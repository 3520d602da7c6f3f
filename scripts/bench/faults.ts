// Fault bench: `npm run bench:faults [-- --seconds 60 --clients 20 --mail-rate 40 --recipients <rate × seconds>]`.
// Steady ingest (clients retrying as the respondent page does, same submission id) and a running
// distribution, while the API process, the store, redis-server and the worker process are each killed
// with SIGKILL in turn and started again. Prints, per fault and in total, what was acknowledged,
// stored, lost and duplicated, whether the rollups equal a rebuild, emails per recipient, and the
// seconds to recover. With MONGODB_URI / REDIS_URL set it uses them and kills only what it owns.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runFaultSuite } from './lib/fault-suite';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '20' },
    // Enough that emails are in flight at every kill.
    recipients: { type: 'string' },
    'mail-rate': { type: 'string', default: '40' },
  },
});

const recipients = Number(flags.recipients ?? Number(flags['mail-rate']) * (Number(flags.seconds) + 5));
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`fault bench: ${flags.seconds} s of ingest by ${flags.clients} clients, ${recipients} recipients at ${flags['mail-rate']} emails/s; ${os.cpus().length} CPUs, load ${load()}`);
const report = await runFaultSuite({
  ingestMs: Number(flags.seconds) * 1000,
  clients: Number(flags.clients),
  recipients,
  mailPerSecond: Number(flags['mail-rate']),
  log: (line) => console.log(line),
});

console.log('');
console.log(`${'fault'.padEnd(16)} ${'at s'.padStart(6)} ${'acknowledged'.padStart(13)} ${'recovered in s'.padStart(15)} ${'emailed twice'.padStart(14)}`);
for (const row of report.rows) {
  console.log(`${`kill -9 ${row.target}`.padEnd(16)} ${row.at.toFixed(1).padStart(6)} ${String(row.acknowledged).padStart(13)} ${(row.recoverySeconds?.toFixed(2) ?? 'never').padStart(15)} ${String(row.emailsTwice).padStart(14)}`);
}
for (const line of report.skipped) console.log(`skipped ${line}`);
console.log('');
console.log(`responses acknowledged   ${report.acknowledged} (${report.ingestPerSecond.toFixed(0)}/s, ${report.retries} retried requests)`);
console.log(`responses stored         ${report.stored} of those, ${report.storedUnacknowledged} more whose client gave up`);
console.log(`lost (acked, absent)     ${report.lost} (goal 0)`);
console.log(`duplicated               ${report.duplicated} (goal 0)`);
console.log(`refused (4xx)            ${JSON.stringify(report.refused)}`);
console.log(`rollups = scores:rebuild ${report.rollupsEqualRebuild ? 'yes' : 'NO'} (${report.rollupBuckets} buckets)`);
console.log(`emails                   ${report.emails.reached} of ${report.emails.recipients} recipients reached, ${report.emails.messages} messages, ${report.emails.duplicated} recipients twice (by fault above; ${report.emails.unexplained} at no kill)`);
console.log(`settled in               ${report.settleSeconds.toFixed(1)} s after ingest ended; load ${load()}`);
if (report.lost !== 0 || report.duplicated !== 0 || !report.rollupsEqualRebuild || report.emails.reached !== report.emails.recipients) process.exitCode = 1;
