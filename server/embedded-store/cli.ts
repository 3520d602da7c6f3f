import { parseArgs } from 'node:util';
import { PRIVATE_UMASK } from '../lib/private-files';
import { startEmbeddedStore } from './server';

// Entry for `npm run mongo:embedded -- --port <p> --dbpath <dir> [--host <h>]`. Prints exactly one
// stdout line, `ready <uri>`, once connections are accepted; everything else goes to stderr.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    dbpath: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    // Set by the platform, which holds our stdin open: when it ends, the parent died (even by kill -9).
    'exit-with-stdin': { type: 'boolean', default: false },
  },
  strict: true,
});

// Whatever the store writes is for its owner only (server/lib/private-files.ts); the store sets
// explicit modes, and the umask covers any file it might write without one.
process.umask(PRIVATE_UMASK);

if (!values.dbpath) {
  console.error('usage: mongo:embedded --port <port|0> --dbpath <dir> [--host <host>]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

try {
  const store = await startEmbeddedStore({ port, dbpath: values.dbpath, host: values.host });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`embedded-store: ${signal} received, flushing journal`);
    store.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`embedded-store: shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (values['exit-with-stdin']) {
    process.stdin.on('end', () => stop('end of stdin'));
    process.stdin.on('error', () => stop('end of stdin'));
    process.stdin.resume();
  }
  console.log(`ready ${store.uri}`);
} catch (error) {
  console.error(`embedded-store: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
