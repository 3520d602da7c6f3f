import nodemailer, { type Transporter } from 'nodemailer';

/** The pooled transport, plus the From address it puts on every message. */
export type Mailer = Transporter & { readonly defaultFrom: string };

/** One pooled SMTP transport per process, from SMTP_URL. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport(
    {
      pool: true,
      maxConnections: 5,
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    },
    { from },
  );
  return Object.assign(transport, { defaultFrom: from });
}
