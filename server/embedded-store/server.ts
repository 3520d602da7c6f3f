import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { ObjectId } from 'bson';
import type { StoreState } from './commands/context';
import { runCommand } from './commands/dispatch';
import { CursorRegistry } from './cursors';
import { openStore } from './persistence';
import { lockDbpath } from './store-lock';
import { SessionRegistry } from './transactions';
import { startTtlMonitor } from './ttl-monitor';
import { encodeReply, MessageFramer, parseMessage } from './wire-protocol';
import { makePrivateDir } from '../lib/private-files';

export interface EmbeddedStoreOptions {
  /** 0 picks a free port. */
  port: number;
  dbpath: string;
  host?: string;
}

export interface EmbeddedStore {
  uri: string;
  port: number;
  /** Stops accepting connections, waits for the journal to be on disk, releases the dbpath. */
  close(): Promise<void>;
}

/** Opens `dbpath` and serves it over the MongoDB wire protocol on `host:port`. */
export async function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const host = options.host ?? '127.0.0.1';
  const unlock = lockDbpath(await ensureDir(options.dbpath));
  let opened;
  try {
    opened = openStore(options.dbpath);
  } catch (error) {
    unlock();
    throw error;
  }
  const { catalog, storage, stats } = opened;
  const documents = catalog.allCollections().reduce((sum, collection) => sum + collection.liveCount, 0);
  console.warn(
    `embedded-store: opened ${options.dbpath}: ${documents} documents (${stats.journalRecords} journal records replayed) in ${Math.round(stats.millis)} ms`,
  );
  const sockets = new Set<Socket>();
  const live: StoreState = {
    catalog,
    sessions: new SessionRegistry(),
    cursors: new CursorRegistry(),
    me: '',
    electionId: new ObjectId('7fffffff0000000000000001'),
    startedAt: new Date(),
  };
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, live, ++connections);
  });
  const port = await listen(server, options.port, host);
  // Clients reach a wildcard listener through loopback, so that is the member name advertised.
  const advertised = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  live.me = `${advertised.includes(':') ? `[${advertised}]` : advertised}:${port}`;
  const stopTtl = startTtlMonitor(live);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopTtl();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      // Uncommitted transactions never reached the journal; dropping them loses nothing acknowledged.
      live.sessions.abortAll();
      live.cursors.close();
      await storage.close();
      unlock();
    })());

  return { uri: `mongodb://${live.me}`, port, close };
}

function serveConnection(socket: Socket, state: StoreState, connectionId: number): void {
  const framer = new MessageFramer();
  let queue = Promise.resolve();
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    let messages: Buffer[];
    try {
      messages = framer.push(chunk);
    } catch (error) {
      console.warn(`embedded-store: dropping connection ${connectionId}: ${String(error)}`);
      socket.destroy();
      return;
    }
    for (const message of messages) {
      // Commands on one connection run in order, as a driver expects.
      queue = queue.then(async () => {
        if (socket.destroyed) return;
        let request;
        try {
          request = parseMessage(message);
        } catch (error) {
          console.warn(`embedded-store: bad message on connection ${connectionId}: ${String(error)}`);
          socket.destroy();
          return;
        }
        const reply = await runCommand(state, request.command, connectionId);
        if (request.silent || socket.destroyed) return;
        let encoded: Buffer;
        try {
          encoded = encodeReply(request, reply);
        } catch (error) {
          // A reply that cannot be encoded (too large) fails this command, not the whole store.
          encoded = encodeReply(request, { ok: 0, code: 10334, codeName: 'BSONObjectTooLarge', errmsg: `reply could not be encoded: ${String(error)}` });
        }
        socket.write(encoded);
      });
    }
  });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

async function ensureDir(path: string): Promise<string> {
  await makePrivateDir(path);
  return path;
}
