import { Schema, Types, model } from 'mongoose';
import type { ActionCheck, ActionInput } from '@shared/actions/action.schema';
import type { ActionPhase } from '@shared/actions/action-phases';
import { ACTION_PHASES } from '@shared/actions/action-phases';
import { ACTION_TASK_STATUSES } from '@shared/actions/action.schema';

const taskSchema = new Schema(
  {
    title: { type: String, required: true },
    owner: { type: String, required: true },
    dueOn: { type: String, required: true },
    status: { type: String, enum: ACTION_TASK_STATUSES, required: true },
    notes: { type: String, default: '' },
  },
  { _id: true, minimize: false },
);

/** Who changed what when; appended, never rewritten (the action's audit trail). */
const historySchema = new Schema(
  { at: { type: Date, required: true }, by: { type: String, default: null }, kind: { type: String, required: true }, data: { type: Schema.Types.Mixed, default: {} } },
  { _id: false, minimize: false },
);

/**
 * One plan-do-check-act cycle on a touchpoint. Days are UTC `YYYY-MM-DD` strings, as the rollups the
 * check reads are keyed. `check` is written once, by the check job, when the check window has closed;
 * `reminded` is not kept here: the send log is what makes each reminder go out once.
 */
const actionSchema = new Schema(
  {
    title: { type: String, required: true },
    touchpoint: { type: String, required: true },
    channel: { type: String, default: null },
    segment: { type: String, default: null },
    metrics: { type: [String], required: true },
    phase: { type: String, enum: ACTION_PHASES, required: true },
    plan: {
      problem: { type: String, required: true },
      rootCause: { type: String, default: null },
      evidence: { type: Schema.Types.Mixed, default: () => ({ cases: [], responses: [], comments: [] }) },
      owner: { type: String, required: true },
      dueOn: { type: String, required: true },
      expectedEffect: { type: String, default: '' },
    },
    windows: { baselineDays: { type: Number, required: true }, checkDays: { type: Number, required: true } },
    startedOn: { type: String, default: null },
    completedOn: { type: String, default: null },
    /** First UTC day the check may run (set on completion), so the check job finds due actions by index. */
    checkDueOn: { type: String, default: null },
    tasks: { type: [taskSchema], default: [] },
    check: { type: Schema.Types.Mixed, default: null },
    /** Set once the verdict emails went out (each one once through the send log); a failed send leaves it for the next sweep. */
    verdictSent: { type: Boolean, default: false },
    decision: { type: Schema.Types.Mixed, default: null },
    previousActionId: { type: Types.ObjectId, default: null },
    nextActionId: { type: Types.ObjectId, default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, minimize: false },
);
actionSchema.index({ touchpoint: 1, createdAt: -1 });
actionSchema.index({ phase: 1, checkDueOn: 1 });

/** A stored action as read with `lean()` (spelled out: mongoose's inference of the nested plan is loose). */
export interface ActionRecord {
  _id: Types.ObjectId;
  title: string;
  touchpoint: string;
  channel: string | null;
  segment: string | null;
  metrics: ActionInput['metrics'];
  phase: ActionPhase;
  plan: ActionInput['plan'];
  windows: ActionInput['windows'];
  startedOn: string | null;
  completedOn: string | null;
  checkDueOn: string | null;
  tasks: (Omit<ActionInput['tasks'][number], 'status'> & { _id: Types.ObjectId; status: ActionInput['tasks'][number]['status'] })[];
  check: ActionCheck | null;
  verdictSent: boolean;
  decision: { kind: 'adopt' | 'iterate'; at: Date; by: string | null; note: string; standardVersion?: number } | null;
  previousActionId: Types.ObjectId | null;
  nextActionId: Types.ObjectId | null;
  history: { at: Date; by: string | null; kind: string; data: Record<string, unknown> }[];
  createdAt: Date;
  updatedAt: Date;
}
export const ActionModel = model('ImprovementAction', actionSchema);
