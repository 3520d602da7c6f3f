import { expect } from 'vitest';
import type { CapturedMessage } from '../../server/lib/embedded/smtp-capture';
import { parseMail, type ParsedMail } from './follow-up-fixtures';

/** The customer emails of one case, by recipient and subject, parsed. */
export function mailsTo(messages: CapturedMessage[], to: string): ParsedMail[] {
  return messages.map(parseMail).filter((m) => m.to.includes(to));
}

/** The `/c/<token>` token in an email's text body (the customer page's signed link). */
export function caseLinkTokenIn(mail: ParsedMail): string {
  const token = /\/c\/([0-9]+-[0-9]+-[0-9]+\.[A-Za-z0-9_-]{22})/.exec(mail.text)?.[1];
  expect(token, mail.text).toBeDefined();
  return token!;
}
