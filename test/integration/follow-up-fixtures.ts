import type { CapturedMessage } from '../../server/lib/embedded/smtp-capture';

/** One received email, decoded: its headers (lower-case names, unfolded), subject, text and HTML bodies. */
export interface ParsedMail {
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

function splitHead(raw: string): [Map<string, string>, string] {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return [headers, end < 0 ? '' : raw.slice(end + 4)];
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`); adjacent ones join without the space between. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
}

function qp(text: string): string {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (/base64/i.test(encoding ?? '')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding ?? '')) return qp(body);
  return body;
}

function collectParts(raw: string, into: { text: string; html: string }): Map<string, string> {
  const [headers, body] = splitHead(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      collectParts(part.replace(/^\r\n/, ''), into);
    }
  } else if (/^text\/html/i.test(type)) into.html = decodeBody(body, headers.get('content-transfer-encoding'));
  else if (/^text\/plain/i.test(type)) into.text = decodeBody(body, headers.get('content-transfer-encoding'));
  return headers;
}

export function parseMail(message: CapturedMessage): ParsedMail {
  const bodies = { text: '', html: '' };
  const headers = collectParts(message.raw.toString('utf8'), bodies);
  return { to: message.to, headers, subject: decodeWords(headers.get('subject') ?? ''), ...bodies };
}

/** The survey answers the fixtures' SERVICE_SURVEY takes, with the scores given. */
export function scoredAnswers(nps: number, csat = 4): Record<string, unknown> {
  return { satisfaction: csat, recommend: nps, reason: 'loan', services: ['counter'], returning: true, visits: 1, remarks: 'n/a' };
}

export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
