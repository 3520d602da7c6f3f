import { z } from 'zod';
import { defineJob, type AppContext } from '../app-context';
import { retagAndRebuildThemes } from '../scores/theme-rebuild.service';
import { markTagged, reportRetagProgress, retagStatus } from './theme.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Brings the stored tags and theme rollups up to the current theme revision: re-tags every folded
 * comment and recomputes the theme rollups (server/scores/theme-rebuild.service). Enqueued after each
 * theme edit (one job id per revision) and run every minute as a sweep for a lost enqueue or a first
 * start; one at a time (concurrency 1, and the rollup lock across workers). A run finding the tags
 * current does nothing; an edit made while it runs is caught by its loop.
 */
export const themeRetagJob = defineJob({
  queue: 'themes-retag',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { removeOnComplete: { age: 3600, count: 100 } },
  schedule: () => ({ repeat: { every: SWEEP_EVERY_MS }, payload: {} }),
  handle: async (_payload, { redis, config, job }) => {
    const runs = [];
    for (let status = await retagStatus(); status.taggedRevision < status.revision; status = await retagStatus()) {
      const report = await retagAndRebuildThemes(redis, config.QUEUE_PREFIX, async (done, total) => {
        await reportRetagProgress(done, total);
        await job.updateProgress({ done, total });
      });
      await markTagged(report.revision);
      runs.push(report);
    }
    return { runs };
  },
});

/** Asks for a re-tag to the given revision (idempotent: one job per revision). */
export async function requestRetag(ctx: AppContext, revision: number): Promise<void> {
  await ctx.queues.enqueue(themeRetagJob, {}, { jobId: `themes-retag-${revision}` });
}
