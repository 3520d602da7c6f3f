import type { JobDefinition } from './lib/queue';

/** Every kind of background job the worker runs; feature folders add theirs here. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [];
