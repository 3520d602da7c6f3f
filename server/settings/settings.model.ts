import { Schema, model } from 'mongoose';

/** Installation-wide settings, one document per key. */
const settingSchema = new Schema({ _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true } }, { timestamps: true });

export const SettingModel = model('Setting', settingSchema);
