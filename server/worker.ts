import { runEntry } from './lib/entry';
import { platformEntry } from './platform';

await runEntry(
  platformEntry(
    () => ({ api: false, workers: true }),
    (config) =>
      config.MONGODB_URI && config.REDIS_URL
        ? undefined
        : 'A worker on its own needs MONGODB_URI and REDIS_URL pointing at the services the API uses. ' +
          'For a single machine, `npm start` runs the API and the workers together on embedded defaults.',
  ),
);
