import { Router, type Request, type Response } from 'express';
import { escapeHtml } from '@shared/html/escape-html';
import type { TemplateLocale } from '@shared/mail/template.schema';
import type { AppContext } from '../app-context';
import { Invalid } from '../lib/errors';
import { SERVER_TEXT } from '../mail/text-defaults';
import { verifyUnsubscribeToken } from '../mail/unsubscribe';
import { ContactModel } from './contact.model';
import { unsubscribeByLink } from './contact.service';

function localeOf(req: Request): TemplateLocale {
  const best = req.acceptsLanguages('en', 'zh-CN', 'zh');
  return best === 'zh-CN' || best === 'zh' ? 'zh-CN' : 'en';
}

/** `a***@example.com`: enough to recognise one's own address without showing it to whoever holds the link. */
function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** A tiny server-rendered page: works without JavaScript, so the form posts as a plain HTML form. */
function page(res: Response, status: number, locale: TemplateLocale, title: string, body: string): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.6}` +
        'button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#2563eb;color:#fff;cursor:pointer}</style></head>' +
        `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

function wantsHtml(req: Request): boolean {
  // Mail providers' one-click POSTs send no Accept (or */*); a browser submitting the form asks for HTML.
  return req.accepts(['json', 'html']) === 'html';
}

/**
 * `/u/:token`, no login: GET shows a confirmation form (GET never unsubscribes, so link scanners
 * cannot); POST unsubscribes: the form, and the RFC 8058 one-click POST (`List-Unsubscribe=One-Click`).
 */
export function unsubscribeRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const locale = localeOf(req);
    const t = SERVER_TEXT[locale].unsubscribePage;
    const contactId = verifyUnsubscribeToken(ctx, req.params.token);
    if (!contactId) return page(res, 400, locale, t.invalidTitle, `<p>${escapeHtml(t.invalid)}</p>`);
    const contact = await ContactModel.findById(contactId, { email: 1, unsubscribedAt: 1 }).lean();
    if (contact?.unsubscribedAt) return page(res, 200, locale, t.title, `<p>${escapeHtml(t.already)}</p>`);
    const ask = contact ? `${escapeHtml(t.ask)} <strong>${escapeHtml(maskEmail(contact.email))}</strong>` : escapeHtml(t.askUnknown);
    page(
      res,
      200,
      locale,
      t.title,
      `<p>${ask}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`,
    );
  });

  router.post('/:token', async (req, res) => {
    const locale = localeOf(req);
    const t = SERVER_TEXT[locale].unsubscribePage;
    const html = wantsHtml(req);
    const contactId = verifyUnsubscribeToken(ctx, req.params.token);
    if (!contactId) {
      if (html) return page(res, 400, locale, t.invalidTitle, `<p>${escapeHtml(t.invalid)}</p>`);
      throw new Invalid('The unsubscribe link is not valid.', [{ name: 'params.token', reason: 'is not a valid unsubscribe token' }]);
    }
    // An erased contact has nothing left to unsubscribe: answering success keeps the click idempotent.
    const result = await unsubscribeByLink(contactId);
    req.log.info({ contactId, found: result.found }, 'unsubscribed');
    if (html) return page(res, 200, locale, t.title, `<p>${escapeHtml(t.done)}</p>`);
    res.set('Cache-Control', 'no-store').json({ unsubscribed: true, unsubscribedAt: result.unsubscribedAt?.toISOString() ?? null });
  });

  return router;
}
