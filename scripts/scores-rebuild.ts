/**
 * `npm run scores:rebuild`: recomputes every score rollup from the raw responses. Uses the same
 * configuration as the platform (MONGODB_URI / REDIS_URL, or the embedded defaults when the platform
 * is not running — the embedded store allows one process at a time).
 */
import { ConfigError, loadConfig } from '../server/config';
import { startPlatform } from '../server/platform';
import { rebuildRollups } from '../server/scores/rebuild.service';

try {
  const config = loadConfig();
  const platform = await startPlatform(config, { api: false, workers: false });
  try {
    const started = Date.now();
    const report = await rebuildRollups(platform.context.redis, config.QUEUE_PREFIX);
    console.log(`rebuilt ${report.buckets} rollups from ${report.responses} responses (${report.removed} stale removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await platform.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
