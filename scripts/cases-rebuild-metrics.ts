/**
 * `npm run cases:rebuild-metrics`: recomputes every case rollup from the stored cases, as
 * `scores:rebuild` does for responses (same configuration and embedded defaults).
 */
import { rebuildCaseRollups } from '../server/case-metrics/case-rebuild.service';
import { ConfigError, loadConfig } from '../server/config';
import { startPlatform } from '../server/platform';

try {
  const config = loadConfig();
  const platform = await startPlatform(config, { api: false, workers: false });
  try {
    const started = Date.now();
    const report = await rebuildCaseRollups(platform.context);
    console.log(`rebuilt ${report.buckets} case rollups from ${report.cases} cases (${report.removed} stale removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await platform.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
