import { Router } from 'express';
import { escapeHtml } from '@shared/html/escape-html';
import type { AppContext } from '../app-context';
import { Invalid } from '../lib/errors';
import { pageLocaleOf, sendPlainPage, wantsHtml } from '../lib/plain-page';
import { SERVER_TEXT } from '../mail/text-defaults';
import { verifyUnsubscribeToken } from '../mail/unsubscribe';
import { ContactModel } from './contact.model';
import { unsubscribeByLink } from './contact.service';

/** `a***@example.com`: enough to recognise one's own address without showing it to whoever holds the link. */
function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/**
 * `/u/:token`, no login: GET shows a confirmation form (GET never unsubscribes, so link scanners
 * cannot); POST unsubscribes: the form, and the RFC 8058 one-click POST (`List-Unsubscribe=One-Click`).
 */
export function unsubscribeRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const locale = pageLocaleOf(req);
    const t = SERVER_TEXT[locale].unsubscribePage;
    const contactId = verifyUnsubscribeToken(ctx, req.params.token);
    if (!contactId) return sendPlainPage(res, 400, locale, t.invalidTitle, `<p>${escapeHtml(t.invalid)}</p>`);
    const contact = await ContactModel.findById(contactId, { email: 1, unsubscribedAt: 1 }).lean();
    if (contact?.unsubscribedAt) return sendPlainPage(res, 200, locale, t.title, `<p>${escapeHtml(t.already)}</p>`);
    const ask = contact ? `${escapeHtml(t.ask)} <strong>${escapeHtml(maskEmail(contact.email))}</strong>` : escapeHtml(t.askUnknown);
    sendPlainPage(
      res,
      200,
      locale,
      t.title,
      `<p>${ask}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`,
    );
  });

  router.post('/:token', async (req, res) => {
    const locale = pageLocaleOf(req);
    const t = SERVER_TEXT[locale].unsubscribePage;
    // Mail providers' one-click POSTs send no Accept (or */*); a browser submitting the form asks for HTML.
    const html = wantsHtml(req);
    const contactId = verifyUnsubscribeToken(ctx, req.params.token);
    if (!contactId) {
      if (html) return sendPlainPage(res, 400, locale, t.invalidTitle, `<p>${escapeHtml(t.invalid)}</p>`);
      throw new Invalid('The unsubscribe link is not valid.', [{ name: 'params.token', reason: 'is not a valid unsubscribe token' }]);
    }
    // An erased contact has nothing left to unsubscribe: answering success keeps the click idempotent.
    const result = await unsubscribeByLink(contactId);
    req.log.info({ contactId, found: result.found }, 'unsubscribed');
    if (html) return sendPlainPage(res, 200, locale, t.title, `<p>${escapeHtml(t.done)}</p>`);
    res.set('Cache-Control', 'no-store').json({ unsubscribed: true, unsubscribedAt: result.unsubscribedAt?.toISOString() ?? null });
  });

  return router;
}
