import type { JobDefinition } from './lib/queue';
import { foldJob } from './scores/fold.job';

/** Every kind of background job the worker runs; feature folders add theirs here. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [foldJob as JobDefinition];
