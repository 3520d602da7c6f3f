import { describe, expect, it } from 'vitest';
import { checkWebhookHost, isPrivateAddress, parsePrivateAllowance, WebhookAddressRefused, type HostResolver } from './webhook-address';

const none = parsePrivateAllowance([]);
const resolvesTo =
  (...addresses: string[]): HostResolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook SSRF guard', () => {
  it('calls loopback, private, link-local, metadata, unspecified and IPv4-mapped addresses private', () => {
    for (const address of [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
      '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1',
      '0:0:0:0:0:ffff:a9fe:a9fe', '::ffff:10.0.0.1', '64:ff9b::7f00:1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses private addresses written in the URL, in any spelling the URL parser accepts', async () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://0x7f.1/', 'http://169.254.169.254/latest/meta-data', 'http://0/']) {
      await expect(checkWebhookHost(new URL(url), none), url).rejects.toBeInstanceOf(WebhookAddressRefused);
    }
  });

  it('refuses a host name that resolves to loopback, with the system resolver (localhost) and a custom one', async () => {
    await expect(checkWebhookHost(new URL('http://localhost:9/'), none)).rejects.toBeInstanceOf(WebhookAddressRefused);
    await expect(checkWebhookHost(new URL('https://hooks.example.com/'), none, resolvesTo('127.0.0.1'))).rejects.toThrow(/resolves to 127\.0\.0\.1/);
    // One private address among public ones is enough: the connection could be steered to it.
    await expect(checkWebhookHost(new URL('https://hooks.example.com/'), none, resolvesTo('93.184.216.34', '10.0.0.5'))).rejects.toThrow(/10\.0\.0\.5/);
  });

  it('returns the checked public address, the one the delivery connects to', async () => {
    expect(await checkWebhookHost(new URL('https://hooks.example.com/x'), none, resolvesTo('93.184.216.34'))).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await checkWebhookHost(new URL('http://[2606:4700::1111]/'), none)).toEqual({ address: '2606:4700::1111', family: 6 });
  });

  it('lets WEBHOOK_ALLOW_PRIVATE name hosts, addresses and ranges, and nothing else', async () => {
    const allowance = parsePrivateAllowance(['127.0.0.1', 'hooks.internal', '10.1.0.0/16']);
    await expect(checkWebhookHost(new URL('http://127.0.0.1:4000/'), allowance)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(checkWebhookHost(new URL('http://[::ffff:127.0.0.1]/'), allowance)).resolves.toMatchObject({ address: '::ffff:7f00:1' });
    await expect(checkWebhookHost(new URL('http://hooks.internal/'), allowance, resolvesTo('10.9.9.9'))).resolves.toMatchObject({ address: '10.9.9.9' });
    await expect(checkWebhookHost(new URL('http://10.1.200.3/'), allowance)).resolves.toMatchObject({ address: '10.1.200.3' });
    await expect(checkWebhookHost(new URL('http://10.2.0.1/'), allowance)).rejects.toBeInstanceOf(WebhookAddressRefused);
    await expect(checkWebhookHost(new URL('http://127.0.0.2/'), allowance)).rejects.toBeInstanceOf(WebhookAddressRefused);
    await expect(checkWebhookHost(new URL('http://169.254.169.254/'), allowance)).rejects.toBeInstanceOf(WebhookAddressRefused);
  });

  it('refuses a host that does not resolve, and a malformed allowance', async () => {
    const failing: HostResolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    await expect(checkWebhookHost(new URL('https://nowhere.example/'), none, failing)).rejects.toThrow(/does not resolve \(ENOTFOUND\)/);
    expect(() => parsePrivateAllowance(['10.0.0.0/33'])).toThrow(/prefix/);
    expect(() => parsePrivateAllowance(['hooks.internal/8'])).toThrow(/IP address/);
  });
});
