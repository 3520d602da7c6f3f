// A counting SMTP server for the email bench, run as a child process (IPC) so its CPU is not the bench's.
// Replies to { type: 'stats', prefix } with how many messages each recipient with that prefix got,
// when the last one arrived, and when each recipient who got more than one got each of them.
import { SMTPServer } from 'smtp-server';

const arrivals = new Map<string, number[]>();
let lastAt = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      lastAt = Date.now();
      for (const { address } of session.envelope.rcptTo) {
        const times = arrivals.get(address.toLowerCase()) ?? [];
        times.push(lastAt);
        arrivals.set(address.toLowerCase(), times);
      }
      callback();
    });
  },
});

// A client killed mid-conversation (the fault bench kills workers) resets its connection: not our error.
server.on('error', () => undefined);

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as { port: number };
  process.send!({ type: 'ready', port });
});

process.on('message', (message: { type: string; prefix?: string }) => {
  if (message.type === 'stats') {
    const prefix = message.prefix ?? '';
    let messages = 0;
    let recipients = 0;
    const duplicates: { address: string; times: number[] }[] = [];
    for (const [address, times] of arrivals) {
      if (!address.startsWith(prefix)) continue;
      messages += times.length;
      recipients++;
      if (times.length > 1) duplicates.push({ address, times });
    }
    process.send!({ type: 'stats', messages, recipients, duplicated: duplicates.length, duplicates, lastAt });
  } else if (message.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
