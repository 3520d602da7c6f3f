import { startSmtpCapture, type CapturedMessage } from '../../server/lib/embedded/smtp-capture';

export interface TestMailbox {
  url: string;
  messages: CapturedMessage[];
  /** Resolves once `count` messages have arrived, failing after the timeout. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMessage[]>;
  stop(): Promise<void>;
}

/** Resolves with `messages` once it holds `count` of them (a mailbox keeps pushing into it), failing after the timeout. */
export async function waitForMessages<T>(messages: T[], count: number, timeoutMs: number): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (messages.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return messages;
}

/** A real SMTP server for one test file, keeping what it receives in memory. */
export async function startTestMailbox(): Promise<TestMailbox> {
  const messages: CapturedMessage[] = [];
  let stopped: Promise<void> | undefined;
  const capture = await startSmtpCapture((message) => {
    messages.push(message);
  });
  return {
    url: capture.url,
    messages,
    waitFor: (count, timeoutMs = 10_000) => waitForMessages(messages, count, timeoutMs),
    stop() {
      stopped ??= capture.stop();
      return stopped;
    },
  };
}
