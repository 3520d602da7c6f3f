// A counting SMTP server for the email bench, run as a child process (IPC) so its CPU is not the bench's.
// Replies to { type: 'stats', prefix } with how many messages each recipient with that prefix got and
// when the last one arrived.
import { SMTPServer } from 'smtp-server';

const counts = new Map<string, number>();
let lastAt = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const { address } of session.envelope.rcptTo) counts.set(address.toLowerCase(), (counts.get(address.toLowerCase()) ?? 0) + 1);
      lastAt = Date.now();
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as { port: number };
  process.send!({ type: 'ready', port });
});

process.on('message', (message: { type: string; prefix?: string }) => {
  if (message.type === 'stats') {
    const prefix = message.prefix ?? '';
    let messages = 0;
    let recipients = 0;
    let duplicated = 0;
    for (const [address, n] of counts) {
      if (!address.startsWith(prefix)) continue;
      messages += n;
      recipients++;
      if (n > 1) duplicated++;
    }
    process.send!({ type: 'stats', messages, recipients, duplicated, lastAt });
  } else if (message.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
