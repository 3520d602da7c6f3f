import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../private-files';

export interface CapturedMessage {
  from: string | null;
  to: string[];
  raw: Buffer;
}

export interface SmtpCapture {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/**
 * A real SMTP server on loopback that hands every accepted message to `onMessage`. STARTTLS is off:
 * the package's built-in certificate has expired, and this server only ever listens on loopback.
 */
export async function startSmtpCapture(
  onMessage: (message: CapturedMessage) => Promise<void> | void,
  port = 0,
  onConnectionError: (error: Error) => void = () => undefined,
): Promise<SmtpCapture> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const address = (a: SMTPServerAddress | false) => (a ? a.address : null);
        Promise.resolve(
          onMessage({
            from: address(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          }),
        ).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that dies mid-message (a worker killed hard) resets its connection, which smtp-server
  // reports as an 'error' on the server: with no listener it would take this process down.
  server.on('error', onConnectionError);
  const address = server.server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${actualPort}?ignoreTLS=true`,
    port: actualPort,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The embedded mail default: every outgoing message becomes an .eml file in `outboxDir`. */
export async function startOutboxSmtp(outboxDir: string, onConnectionError?: (error: Error) => void): Promise<SmtpCapture> {
  await makePrivateDir(outboxDir);
  return startSmtpCapture(
    async ({ raw }) => {
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
      const temporary = path.join(outboxDir, `.${name}.tmp`);
      await fs.writeFile(temporary, raw, { mode: PRIVATE_FILE_MODE });
      await fs.rename(temporary, path.join(outboxDir, name));
    },
    0,
    onConnectionError,
  );
}
