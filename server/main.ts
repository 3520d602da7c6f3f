import { runEntry } from './lib/entry';
import { platformEntry } from './platform';

// API and job workers in one process: the single-machine default behind `npm start`.
// WORKERS=false (`npm run api`) and `npm run worker` split them to scale out.
await runEntry(platformEntry((config) => ({ api: true, workers: config.WORKERS })));
