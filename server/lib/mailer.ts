import nodemailer, { type Transporter } from 'nodemailer';

/** The pooled transport, plus the From address it puts on every message. */
export type Mailer = Transporter & { readonly defaultFrom: string };

/**
 * Transport options from SMTP_URL. In production an `smtp://` connection must upgrade with STARTTLS
 * (`requireTLS`): otherwise a man in the middle who strips the STARTTLS offer gets the password and
 * every live survey link in clear text.
 */
export function smtpTransportOptions(smtpUrl: string, production: boolean) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true as const,
    maxConnections: 5,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: production && !secure,
    ignoreTLS: !production && url.searchParams.get('ignoreTLS') === 'true',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  };
}

/** One pooled SMTP transport per process, from SMTP_URL. */
export function createMailer(smtpUrl: string, from: string, production = false): Mailer {
  const transport = nodemailer.createTransport(smtpTransportOptions(smtpUrl, production), { from });
  return Object.assign(transport, { defaultFrom: from });
}
