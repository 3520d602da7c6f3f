import type { CaseConsumer } from '../cases/case-events';
import { requestCaseFold } from './case-fold.job';

/** The case metrics follow every case event: the case is refolded soon (counted once however often asked). */
export const caseMetricsConsumer: CaseConsumer = {
  name: 'case-metrics',
  changed: (ctx, event) => requestCaseFold(ctx, event.case.number, event.index),
};
