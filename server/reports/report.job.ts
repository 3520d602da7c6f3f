import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { lastClosedPeriod } from '@shared/reports/report-period';
import { defineJob } from '../app-context';
import { ReportDefinitionModel } from './report-definition.model';
import { activeDefinitionIds, sendReport } from './report.service';

/** How often the scheduler looks for definitions whose period has closed; a report goes out within this of its period's end. */
const TICK_MS = 15 * 60_000;

/** Builds one definition's report for one period and emails its recipients (each once; see sendReport). */
export const reportSendJob = defineJob({
  queue: 'reports-send',
  payload: z.object({ definitionId: objectIdSchema, period: z.string().regex(/^\d{4}-(W\d{2}|\d{2}|Q[1-4])$/) }).strict(),
  handle: async ({ definitionId, period }, ctx) => {
    if (!(await ReportDefinitionModel.exists({ _id: definitionId }))) return { skipped: 'definition-gone' };
    return sendReport(ctx, definitionId, period, new Date());
  },
});

/**
 * Every TICK_MS: for each active definition, queues its last closed period's report. The job id names
 * definition and period, so however many ticks (or workers) see the same period, it is queued once
 * while it is kept; the send log and the report's unique index cover a re-run after that.
 */
export const reportTickJob = defineJob({
  queue: 'reports-tick',
  payload: z.object({}).strict(),
  concurrency: 1,
  schedule: () => ({ repeat: { every: TICK_MS }, payload: {} }),
  handle: async (_payload, { queues }) => {
    const now = new Date();
    let queued = 0;
    for (const id of await activeDefinitionIds()) {
      const definition = await ReportDefinitionModel.findById(id, { cadence: 1 }).lean();
      if (!definition) continue;
      const period = lastClosedPeriod(definition.cadence, now);
      await queues.enqueue(reportSendJob, { definitionId: id, period: period.key }, { jobId: `report-${id}-${period.key}` });
      queued += 1;
    }
    return { queued };
  },
});
