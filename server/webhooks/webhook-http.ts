import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedAddress } from './webhook-address';

/** The most of a receiver's reply we read: only its status matters, and a huge reply must not cost memory. */
const MAX_REPLY_BYTES = 4096;

export interface WebhookReply {
  status: number;
}

export class WebhookTimeout extends Error {
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = 'WebhookTimeout';
  }
}

/**
 * A lookup that answers with the address the SSRF guard already checked, so the socket connects to
 * exactly that address and the host name is never resolved a second time (DNS rebinding).
 */
function pinnedLookup(checked: CheckedAddress): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
}

/**
 * POSTs one webhook body to `url`, connected to `checked`. Redirects are not followed (a 3xx is just a
 * failed attempt: following it would skip the guard), the whole attempt is bounded by `timeoutMs`, and
 * at most MAX_REPLY_BYTES of the reply are read. Rejects on network errors and timeouts.
 */
export function postWebhook(url: URL, checked: CheckedAddress, headers: Record<string, string>, body: string, timeoutMs: number): Promise<WebhookReply> {
  const client = url.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(signal.aborted ? new WebhookTimeout(timeoutMs) : error);
    const request = client.request(url, {
      method: 'POST',
      lookup: pinnedLookup(checked),
      agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Touchpoint-Webhooks/1' },
      signal,
    });
    request.on('error', fail);
    request.on('response', (reply) => {
      let read = 0;
      const done = () => resolve({ status: reply.statusCode ?? 0 });
      reply.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_REPLY_BYTES) {
          reply.destroy();
          done();
        }
      });
      reply.on('end', done);
      reply.on('error', fail);
    });
    request.end(body);
  });
}
