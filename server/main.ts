import { runEntry } from './lib/entry';

// API and job workers in one process: the single-machine default behind `npm start`.
// WORKERS=false (`npm run api`) and `npm run worker` split them to scale out.
await runEntry((config) => ({ api: true, workers: config.WORKERS }));
