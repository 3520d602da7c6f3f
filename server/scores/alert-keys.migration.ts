import { LEGACY_TARGET_KEYS } from '@shared/scoring/metric-keys';
import { AlertModel, AlertStateModel } from './alert.model';

/**
 * Renames the former camelCase `metric` of stored alerts and alert states to the one metric spelling.
 * Run at start-up before the alert job; a second run matches nothing. Returns how many were rewritten.
 */
export async function renameLegacyAlertMetrics(): Promise<number> {
  let renamed = 0;
  for (const [legacy, key] of Object.entries(LEGACY_TARGET_KEYS)) {
    for (const model of [AlertModel, AlertStateModel] as const) {
      const result = await model.collection.updateMany({ metric: legacy }, { $set: { metric: key } });
      renamed += result.modifiedCount;
    }
  }
  return renamed;
}
