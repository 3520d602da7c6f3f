import { describe, expect, it } from 'vitest';
import { FAULT_TARGETS, runFaultSuite } from '../../scripts/bench/lib/fault-suite';

// The short run of `npm run bench:faults`: the same suite, fewer seconds. It owns the store and
// redis-server it kills (started here), unless MONGODB_URI / REDIS_URL say otherwise.
const MAIL_PER_SECOND = 20;

describe('fault suite (short run)', () => {
  it('loses and duplicates no response, keeps rollups equal to a rebuild and reaches every recipient while each process is killed with SIGKILL', async () => {
    const report = await runFaultSuite({ ingestMs: 16_000, clients: 6, recipients: 18 * MAIL_PER_SECOND, mailPerSecond: MAIL_PER_SECOND });
    const owned = FAULT_TARGETS.filter((target) => !report.skipped.some((line) => line.startsWith(`${target}:`)));
    expect(report.rows.map((row) => row.target)).toEqual(owned);
    for (const row of report.rows) expect(row.recoverySeconds, `${row.target} recovered: ${JSON.stringify(report)}`).not.toBeNull();
    expect(report.acknowledged).toBeGreaterThan(100);
    expect(report.refused).toEqual({});
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.rollupsEqualRebuild).toBe(true);
    expect(report.emails.reached).toBe(report.emails.recipients);
    // Exactly once but for the documented window: emails SMTP accepted just before a hard kill, at
    // most the one batch in flight (MAIL_BATCH_SIZE is the rate here), sent again after their lease.
    expect(report.emails.messages - report.emails.reached).toBeLessThanOrEqual(MAIL_PER_SECOND);
  }, 300_000);
});
