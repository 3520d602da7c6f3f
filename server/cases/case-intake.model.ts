import { Schema, Types, model } from 'mongoose';

/** The one routing-and-priority rule set (caseIntakeRulesSchema), kept under `_id: 'rules'`. */
const caseIntakeRulesSchema = new Schema(
  {
    _id: { type: String, required: true },
    defaultTeamId: { type: Types.ObjectId, default: null },
    routes: { type: Schema.Types.Mixed, default: [] },
    priorities: { type: Schema.Types.Mixed, default: [] },
    defaultPriority: { type: String, required: true },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
export const CaseIntakeRulesModel = model('CaseIntakeRules', caseIntakeRulesSchema);

/**
 * What opened a case from outside (`follow-up/<responseId>`, `target-breach/<alertId>`) claims its
 * case number here first: the unique key makes a resubmission, a retried job or a second worker find
 * the same case instead of opening another. Cases are sharded by number, so this unique key cannot live
 * on them; here it is the shard key.
 */
const caseOriginSchema = new Schema(
  {
    key: { type: String, required: true },
    number: { type: Number, required: true },
  },
  { timestamps: true, versionKey: false, shardKey: { key: 1 } },
);
caseOriginSchema.index({ key: 1 }, { unique: true });
export const CaseOriginModel = model('CaseOrigin', caseOriginSchema);
