import { Schema, model } from 'mongoose';
import { TARGET_METRICS } from '@shared/scoring/target.schema';

/** Where each (touchpoint, window, metric) stands, so an alert fires on the crossing, not on every check. */
const alertStateSchema = new Schema(
  {
    touchpoint: { type: String, required: true },
    window: { type: Number, required: true },
    metric: { type: String, enum: TARGET_METRICS, required: true },
    state: { type: String, enum: ['ok', 'breach'], required: true },
    since: { type: Date, required: true },
  },
  { versionKey: false },
);
alertStateSchema.index({ touchpoint: 1, window: 1, metric: 1 }, { unique: true });
export const AlertStateModel = model('AlertState', alertStateSchema);

/** One recorded crossing (breach or recovery); the owners are emailed once per alert. */
const alertSchema = new Schema(
  {
    touchpoint: { type: String, required: true },
    window: { type: Number, required: true },
    metric: { type: String, enum: TARGET_METRICS, required: true },
    kind: { type: String, enum: ['breach', 'recovery'], required: true },
    value: { type: Number, required: true },
    target: { type: Number, required: true },
    n: { type: Number, required: true },
    /** The version of the touchpoint's standard whose target was crossed (null on alerts from before versions). */
    standardVersion: { type: Number, default: null },
    at: { type: Date, required: true },
    notifiedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
alertSchema.index({ touchpoint: 1, at: -1 });
alertSchema.index({ notifiedAt: 1, at: 1 });
export const AlertModel = model('Alert', alertSchema);
