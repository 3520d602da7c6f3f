import { Schema, Types, model } from 'mongoose';
import { CASE_PRIORITIES, SLA_STAGES, type CasePriority, type EscalationLevel, type SlaStage } from '@shared/cases/sla-policy.schema';
import type { StageTimerKind } from '@shared/cases/sla-timers';
import { CASE_STATUSES, type CaseStatus } from '@shared/cases/case-states';
import { CASE_SOURCES, TIMELINE_KINDS, type CaseSource } from '@shared/cases/case-api.schema';

/** The one counter readable case numbers come from ($inc is atomic, so two opens never share one). */
const caseCounterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { versionKey: false });
export const CaseCounterModel = model('CaseCounter', caseCounterSchema);

const timelineEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Types.ObjectId, default: null },
    kind: { type: String, enum: TIMELINE_KINDS, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false, minimize: false },
);

/** One running stage clock as last planned: what the inbox filters (due soon, breached) read. */
const stageClockSchema = new Schema(
  {
    stage: { type: String, enum: SLA_STAGES, required: true },
    targetSeconds: { type: Number, required: true },
    dueAt: { type: Date, default: null },
    warnAt: { type: Date, default: null },
  },
  { _id: false },
);

const caseSchema = new Schema(
  {
    number: { type: Number, required: true },
    summary: { type: String, required: true },
    description: { type: String, default: null },
    source: { type: String, enum: CASE_SOURCES, required: true },
    /** What opened it, by source: e.g. { responseId } for a follow-up match, { alertId } for a target breach. */
    origin: { type: Schema.Types.Mixed, default: {} },
    contactId: { type: Types.ObjectId, default: null },
    touchpoint: { type: String, required: true },
    channel: { type: String, required: true },
    segment: { type: String, required: true },
    category: { type: String, default: null },
    priority: { type: String, enum: CASE_PRIORITIES, required: true },
    teamId: { type: Types.ObjectId, required: true },
    assigneeId: { type: Types.ObjectId, default: null },
    status: { type: String, enum: CASE_STATUSES, required: true },
    resumeTo: { type: String, enum: [...CASE_STATUSES, null], default: null },
    /** Start of the SLA cycle (opening, or the latest reopen): every stage target counts from here. */
    cycleStartedAt: { type: Date, required: true },
    /** Reopens so far; part of each escalation's send-log key, so a reopened case can escalate again. */
    cycle: { type: Number, default: 0 },
    /** "Waiting on customer" pauses of the current cycle; `to` null while one runs. */
    pauses: { type: [new Schema({ from: { type: Date, required: true }, to: { type: Date, default: null } }, { _id: false })], default: [] },
    /** Bumped on every stage change, pause and resume; a timer carrying another version does nothing. */
    clockVersion: { type: Number, default: 0 },
    clocks: { type: [stageClockSchema], default: [] },
    /** Earliest due/warn instant over `clocks` (null when none runs or all are paused): the inbox indexes these. */
    dueAt: { type: Date, default: null },
    warnAt: { type: Date, default: null },
    /** Every timer of the current clock version; one at a time is queued (see nextTimer in shared/cases/sla-timers.ts). */
    timers: {
      type: [
        new Schema(
          { stage: { type: String, enum: SLA_STAGES, required: true }, kind: { type: String, required: true }, level: { type: String, default: null }, at: { type: Date, required: true }, key: { type: String, required: true } },
          { _id: false },
        ),
      ],
      default: [],
    },
    /** When the queued timer is due (null: none left): the sweep finds cases whose timer chain broke by it. */
    nextTimerAt: { type: Date, default: null },
    /** `<cycle>-<stage>-<timer>` of timers that took effect, so a timer's effect happens once. */
    firedTimers: { type: [String], default: [] },
    breachedStages: { type: [String], default: [] },
    /**
     * The customer's answer to "was this resolved?" for the resolution of cycle `feedbackCycle` (each
     * cycle's resolution is answered once), and their CSAT 1-5 on the handling: what case metrics read.
     */
    resolvedConfirmed: { type: Boolean, default: null },
    handlingCsat: { type: Number, default: null },
    feedbackCycle: { type: Number, default: null },
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  // Lookups and changes go by number (the API addresses cases by it), so each targets one shard; cases
  // are opened far too slowly for a growing range key to make a hot shard.
  { timestamps: true, minimize: false, shardKey: { number: 1 } },
);
caseSchema.index({ number: 1 }, { unique: true });
caseSchema.index({ teamId: 1, number: -1 });
caseSchema.index({ assigneeId: 1, number: -1 });
caseSchema.index({ dueAt: 1 });
caseSchema.index({ warnAt: 1 });
caseSchema.index({ nextTimerAt: 1 });
// The auto-close sweep: resolved cases untouched for CASE_AUTO_CLOSE_DAYS (a resolution is an update, so none is missed).
caseSchema.index({ status: 1, updatedAt: 1 });
// The customer-email sweep: cases changed in the last day (newest first).
caseSchema.index({ updatedAt: -1 });
// A contact's earlier cases of one category (repeat issues in the case metrics).
caseSchema.index({ contactId: 1, category: 1, createdAt: 1 });

/** A planned timer as stored on its case. */
export interface PlannedTimer {
  stage: SlaStage;
  kind: StageTimerKind;
  level: EscalationLevel | null;
  at: Date;
  key: string;
}

/** A stored case as read with lean(). */
export interface CaseRecord {
  _id: Types.ObjectId;
  number: number;
  summary: string;
  description: string | null;
  source: CaseSource;
  origin: Record<string, unknown>;
  contactId: Types.ObjectId | null;
  touchpoint: string;
  channel: string;
  segment: string;
  category: string | null;
  priority: CasePriority;
  teamId: Types.ObjectId;
  assigneeId: Types.ObjectId | null;
  status: CaseStatus;
  resumeTo: CaseStatus | null;
  cycleStartedAt: Date;
  cycle: number;
  pauses: Array<{ from: Date; to: Date | null }>;
  clockVersion: number;
  clocks: Array<{ stage: SlaStage; targetSeconds: number; dueAt: Date | null; warnAt: Date | null }>;
  dueAt: Date | null;
  warnAt: Date | null;
  timers: PlannedTimer[];
  nextTimerAt: Date | null;
  firedTimers: string[];
  breachedStages: string[];
  resolvedConfirmed?: boolean | null;
  handlingCsat?: number | null;
  feedbackCycle?: number | null;
  timeline: Array<{ at: Date; by: Types.ObjectId | null; kind: (typeof TIMELINE_KINDS)[number]; data: Record<string, unknown> }>;
  createdAt: Date;
  updatedAt: Date;
}
export const CaseModel = model('Case', caseSchema);

/** The next readable case number (1, 2, ...). */
export async function nextCaseNumber(): Promise<number> {
  const counter = await CaseCounterModel.findOneAndUpdate({ _id: 'case' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
  return counter!.seq;
}
