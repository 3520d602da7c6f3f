import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { ComplaintFiled, ComplaintForm, ComplaintInput } from '@shared/cases/complaint-form.schema';
import { HONEYPOT_FIELD } from '@shared/responses/response-constants';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { Invalid, NotFound } from '../lib/errors';
import { botFlags } from '../responses/bot-flags';
import { getChannels } from '../settings/settings.service';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { openCaseOnce } from './case-intake.service';

/** A complaint that names no channel was filed on this form. */
export const COMPLAINT_FORM_CHANNEL = 'complaint-form';

async function touchpointOf(key: string) {
  const touchpoint = await TouchpointModel.findOne({ key }, { key: 1, name: 1 }).lean();
  if (!touchpoint) throw new NotFound(`There is no complaint form for ${key}.`);
  return touchpoint;
}

export async function complaintForm(touchpointKey: string): Promise<ComplaintForm> {
  const touchpoint = await touchpointOf(touchpointKey);
  return { touchpoint: { key: touchpoint.key, name: touchpoint.name }, channels: await getChannels() };
}

/** The complaint's contact: found by email, or added (name, phone, locale) so replies can reach them. */
async function contactOf(input: ComplaintInput) {
  if (!input.email) return null;
  return ContactModel.findOneAndUpdate(
    { email: input.email },
    { $setOnInsert: { email: input.email, name: input.name, phone: input.phone ?? null, locale: input.locale ?? null } },
    { upsert: true, returnDocument: 'after', projection: { _id: 1, segment: 1 } },
  ).lean();
}

/**
 * Opens the case of a complaint filed on a touchpoint's public form (source `complaint-form`), routed
 * by the intake rules; its submission id makes a resubmitted form find the same case. A submission that
 * looks like a bot's (honeypot filled, too fast) is still opened — a false alarm must lose nothing —
 * but at low priority, with its flags in the origin.
 */
export async function fileComplaint(ctx: AppContext, touchpointKey: string, input: ComplaintInput): Promise<ComplaintFiled & { opened: boolean }> {
  const touchpoint = await touchpointOf(touchpointKey);
  if (input.channel && !(await getChannels()).includes(input.channel)) {
    throw new Invalid('The complaint names an unknown channel.', [{ name: 'body.channel', reason: `there is no channel "${input.channel}"` }]);
  }
  const flags = botFlags({ honeypot: input[HONEYPOT_FIELD], elapsedMs: input.elapsedMs }, ctx.config.RESPOND_MIN_FILL_MS);
  const contact = await contactOf(input);
  const from = [input.name, input.email, input.phone].filter(Boolean).join(' · ');
  const firstLine = input.description.split('\n')[0]!.trim();
  const { case: opened, opened: isNew } = await openCaseOnce(ctx, {
    source: 'complaint-form',
    originKey: `complaint-form/${input.submissionId}`,
    origin: { submissionId: input.submissionId, name: input.name, email: input.email ?? null, phone: input.phone ?? null, locale: input.locale ?? null, flags },
    summary: firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine,
    description: `${input.description}\n\n— ${from}`,
    ...(contact ? { contactId: contact._id.toString() } : {}),
    touchpoint: touchpoint.key,
    channel: input.channel ?? COMPLAINT_FORM_CHANNEL,
    segment: contact?.segment ?? 'standard',
    scores: {},
    ...(flags.length > 0 ? { priority: 'low' as const } : {}),
  });
  return { case: formatCaseRef(opened.number), opened: isNew };
}
