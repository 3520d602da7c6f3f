import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each target received, in the order the targets were given. */
  counts: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in front of several API processes, as production runs them: each request goes to
 * the next target in turn, headers and bodies passed through untouched (so `X-Forwarded-For` is the
 * client's to set, as behind a proxy the APIs trust).
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const counts = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((incoming, outgoing) => {
    const index = next++ % targets.length;
    counts[index]!++;
    const target = new URL(incoming.url ?? '/', targets[index]);
    const upstream = http.request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (reply) => {
      outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(outgoing);
    });
    upstream.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`proxy: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
