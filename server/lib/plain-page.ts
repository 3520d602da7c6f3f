import type { Request, Response } from 'express';
import { escapeHtml } from '@shared/html/escape-html';
import type { TemplateLocale } from '@shared/mail/template.schema';

/** The customer's language among those the server's own pages speak. */
export function pageLocaleOf(req: Request): TemplateLocale {
  const best = req.acceptsLanguages('en', 'zh-CN', 'zh');
  return best === 'zh-CN' || best === 'zh' ? 'zh-CN' : 'en';
}

/** A browser asks for HTML; API clients and tools that send no Accept header, or any type, get problem+json. */
export function wantsHtml(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

/**
 * A tiny server-rendered page for a customer who followed a link (unsubscribe, short link): works
 * without JavaScript and without the client build. `body` is HTML the caller has escaped.
 */
export function sendPlainPage(res: Response, status: number, locale: TemplateLocale, title: string, body: string): void {
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
