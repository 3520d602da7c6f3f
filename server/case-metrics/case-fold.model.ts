import { Schema, model } from 'mongoose';

/**
 * What each case last added to the case rollups: its facts and the buckets they went to. A refold
 * subtracts exactly this and adds the case as it is now, so a case counts once however often and in
 * whatever order its events are folded. `rev` makes the swap conditional (two folds of one case: one wins).
 */
const caseFoldSchema = new Schema(
  {
    number: { type: Number, required: true },
    rev: { type: Number, required: true },
    /** Bucket dimensions the facts were added under (day of opening, touchpoint, channel, segment, category). */
    dims: { type: Schema.Types.Mixed, required: true },
    /** shared/cases/case-facts CaseFacts, as folded. */
    facts: { type: Schema.Types.Mixed, required: true },
    /** Contact and category folded, so a change of either refolds the contact's later cases (repeat issues). */
    contactId: { type: String, default: null },
    category: { type: String, default: null },
    /** When an undecided FCR decides by itself: the sweep refolds the case then. */
    fcrDecidesAt: { type: Date, default: null },
  },
  // One document per case, addressed by its number like the case itself.
  { versionKey: false, minimize: false, shardKey: { number: 1 } },
);
caseFoldSchema.index({ number: 1 }, { unique: true });
caseFoldSchema.index({ fcrDecidesAt: 1 }, { partialFilterExpression: { fcrDecidesAt: { $type: 'date' } } });

export const CaseFoldModel = model('CaseFold', caseFoldSchema);
