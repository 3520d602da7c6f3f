import dns from 'node:dns/promises';
import net from 'node:net';

/**
 * Addresses a webhook must not reach unless WEBHOOK_ALLOW_PRIVATE names them: a webhook URL is typed
 * by an admin but fetched by our servers, so without this it could read the cloud metadata service or
 * an internal admin port (SSRF).
 */
const BLOCKED = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: reaches IPv4 addresses through a translator
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local, incl. AWS metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** `::ffff:a.b.c.d` (and its hex form `::ffff:7f00:1`) is the IPv4 address a.b.c.d; checked as such. */
function unmapped(address: string): { address: string; family: 4 | 6 } {
  const family = net.isIPv4(address) ? 4 : 6;
  if (family === 4) return { address, family };
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(address)?.[1];
  if (!mapped) return { address, family };
  if (net.isIPv4(mapped)) return { address: mapped, family: 4 };
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(mapped);
  if (!hex) return { address, family };
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 4 };
}

/** What WEBHOOK_ALLOW_PRIVATE lets through: host names (as written in URLs) and addresses or CIDR ranges. */
export interface PrivateAllowance {
  hosts: ReadonlySet<string>;
  ranges: net.BlockList;
}

/** Parses WEBHOOK_ALLOW_PRIVATE: comma-separated host names, addresses and CIDR ranges; throws on a bad range. */
export function parsePrivateAllowance(list: readonly string[]): PrivateAllowance {
  const hosts = new Set<string>();
  const ranges = new net.BlockList();
  for (const entry of list) {
    const [network, prefixText] = entry.split('/');
    const { address, family } = net.isIP(network!) ? unmapped(network!) : { address: '', family: 0 as const };
    if (family === 0) {
      if (prefixText !== undefined) throw new Error(`${entry}: a range needs an IP address before the /`);
      hosts.add(entry.toLowerCase());
      continue;
    }
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`${entry}: bad prefix length`);
    ranges.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { hosts, ranges };
}

/** Whether an IP address is loopback, private, link-local, metadata, unspecified, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const ip = unmapped(address);
  return BLOCKED.check(ip.address, ip.family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookAddressRefused extends Error {
  constructor(readonly host: string, detail: string) {
    super(`${host}: ${detail}`);
    this.name = 'WebhookAddressRefused';
  }
}

/** Resolves a host name to all its addresses (the system resolver by default; tests may pass their own). */
export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>;
export const systemResolver: HostResolver = (host) => dns.lookup(host, { all: true, verbatim: true });

/** The one address a delivery connects to: checked here, then handed to the socket so nothing resolves it again. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host and refuses it when any address it resolves to is private, unless the host
 * name or that address is allowed. Every address must pass (a name with one public and one private
 * address could be made to connect to either). Returns the first address, for the connection.
 */
export async function checkWebhookHost(url: URL, allowance: PrivateAllowance, resolve: HostResolver = systemResolver): Promise<CheckedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new WebhookAddressRefused(host, `does not resolve (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (addresses.length === 0) throw new WebhookAddressRefused(host, 'does not resolve');
  }
  const hostAllowed = allowance.hosts.has(host);
  for (const { address } of addresses) {
    const ip = unmapped(address);
    if (!isPrivateAddress(ip.address) || hostAllowed || allowance.ranges.check(ip.address, ip.family === 4 ? 'ipv4' : 'ipv6')) continue;
    throw new WebhookAddressRefused(host, `resolves to ${address}, a private, loopback, link-local or reserved address (WEBHOOK_ALLOW_PRIVATE can allow it)`);
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
