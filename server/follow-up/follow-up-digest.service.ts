import { describeFollowUpReasons } from '@shared/follow-up/follow-up-match';
import type { TemplateLocale } from '@shared/mail/template.schema';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { SERVER_TEXT } from '../mail/text-defaults';
import { followUpOf, followUpsInDigest, markDigestSent, type AlertOutcome, type DigestEntry } from '../responses/response-follow-up.service';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { alertAttempts, formatAlertTime, ownerAddresses, responseLinkOf } from './alert-attempts';

/** Responses written out in one digest; the rest are counted ("and N more"). */
export const DIGEST_LIST_MAX = 20;
/** Follow-ups one digest run settles; beyond that (a flood), the rest are swept into a later digest. */
const DIGEST_BATCH_MAX = 5_000;

export interface OwnerDigest {
  touchpoint: string;
  windowStart: Date;
  windowEnd: Date;
}

/** Send-log key of one owner's digest: at most one email per touchpoint, owner and window. */
export function ownerDigestKey(digest: Pick<OwnerDigest, 'touchpoint' | 'windowStart'>, owner: string): string {
  return `follow-up-owner/${digest.touchpoint}/${owner}/${digest.windowStart.toISOString()}`;
}

async function digestLines(ctx: AppContext, entries: DigestEntry[], locale: TemplateLocale): Promise<string> {
  const listed = entries.slice(0, DIGEST_LIST_MAX);
  const contactIds = listed.flatMap((entry) => (entry.contactId ? [entry.contactId] : []));
  const [surveys, contacts] = await Promise.all([
    SurveyModel.find({ _id: { $in: [...new Set(listed.map((entry) => entry.surveyId.toString()))] } }, { title: 1 }).lean(),
    contactIds.length > 0 ? ContactModel.find({ _id: { $in: contactIds } }, { name: 1, email: 1 }).lean() : [],
  ]);
  const titles = new Map(surveys.map((survey) => [survey._id.toString(), survey.title]));
  const people = new Map(contacts.map((contact) => [contact._id.toString(), [contact.name, contact.email].filter(Boolean).join(' ')]));
  return listed
    .map((entry) => {
      const mark = followUpOf(entry);
      const reason = describeFollowUpReasons(mark?.reasons ?? [], locale) || (mark?.reason ?? '');
      const who = (entry.contactId && people.get(entry.contactId.toString())) || SERVER_TEXT[locale].anonymousCustomer;
      const survey = titles.get(entry.surveyId.toString()) ?? '';
      return `- ${formatAlertTime(entry.submittedAt)} · ${reason} · ${who} · ${survey}\n  ${responseLinkOf(ctx, entry.surveyId, entry._id)}`;
    })
    .join('\n');
}

/**
 * Sends a touchpoint's owners one email each listing the follow-ups handed to this window, then marks
 * them `open`. Safe to run twice or on two workers at once: each owner's email is keyed by touchpoint,
 * owner and window in the send log, and only follow-ups still pending in this window are listed.
 */
export async function sendOwnerDigest(ctx: AppContext, digest: OwnerDigest): Promise<{ listed: number; owners: Record<string, AlertOutcome> }> {
  const entries = await followUpsInDigest(digest.touchpoint, digest.windowStart, DIGEST_BATCH_MAX);
  if (entries.length === 0) return { listed: 0, owners: {} };
  const touchpoint = await TouchpointModel.findOne({ key: digest.touchpoint }, { name: 1, owners: 1 }).lean();
  const addresses = ownerAddresses(touchpoint?.owners);
  const owners: Record<string, AlertOutcome> = {};
  if (addresses.length > 0) {
    const locale = ctx.config.STAFF_MAIL_LOCALE;
    const more = entries.length - DIGEST_LIST_MAX;
    const vars = {
      touchpoint: touchpoint?.name ?? digest.touchpoint,
      count: entries.length,
      responses: await digestLines(ctx, entries, locale),
      more: more > 0 ? SERVER_TEXT[locale].ownerDigest.more.replace('{n}', String(more)) : '',
      windowStart: formatAlertTime(digest.windowStart),
      windowEnd: formatAlertTime(digest.windowEnd),
      listLink: `${ctx.publicUrl.replace(/\/+$/, '')}/dashboard`,
    };
    const sends = alertAttempts();
    for (const owner of addresses) {
      owners[owner] = await sends.attempt(() =>
        sendOnce(ctx.mailer, { key: ownerDigestKey(digest, owner), kind: 'follow-up-owner', to: owner }, () => renderEmail('follow-up-owner', locale, vars), {
          leaseMs: ctx.config.SEND_LEASE_MS,
        }),
      );
    }
    sends.rethrowTransient();
  }
  // Owners removed since the matches were handed over: nothing to send, but the follow-ups are settled.
  await markDigestSent(
    entries.map((entry) => entry._id),
    digest.windowStart,
    owners,
    addresses.length > 0 ? null : touchpoint ? 'no-owners' : 'no-touchpoint',
  );
  return { listed: entries.length, owners };
}
