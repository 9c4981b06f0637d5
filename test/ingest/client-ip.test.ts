import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientIpResolver } from '../../src/ingest/client-ip.js';
import { cidrError, IpAllowlist, normalizeIp } from '../../src/ingest/ip-allowlist.js';

describe('cidrError', () => {
  it('accepts IPv4 and IPv6 CIDRs and bare addresses', () => {
    for (const entry of [
      '10.0.0.0/8',
      '192.168.1.0/24',
      '203.0.113.7/32',
      '0.0.0.0/0',
      '203.0.113.7',
      '2001:db8::/32',
      '::/0',
      '::1',
      '2001:db8::1/128',
    ]) {
      assert.equal(cidrError(entry), null, entry);
    }
  });

  it('rejects what is not an address, naming the entry', () => {
    for (const entry of [
      '',
      'localhost',
      '10.0.0',
      '10.0.0.256',
      '10.0.0.0/8/8',
      ' 10.0.0.0/8',
      '2001:db8:::1',
    ]) {
      assert.equal(
        cidrError(entry),
        `${entry} is not an IPv4 or IPv6 address or CIDR`,
        JSON.stringify(entry),
      );
    }
  });

  it('rejects a prefix length outside the family range', () => {
    for (const entry of [
      '10.0.0.0/33',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0.0/8.5',
      '10.0.0.0/x',
      '10.0.0.0/1000',
    ]) {
      assert.equal(cidrError(entry), `${entry} has a prefix length outside 0-32`, entry);
    }
    assert.equal(cidrError('2001:db8::/129'), '2001:db8::/129 has a prefix length outside 0-128');
  });
});

describe('IpAllowlist', () => {
  it('matches an IPv4 CIDR by its prefix', () => {
    const list = new IpAllowlist(['10.0.0.0/8']);
    assert.equal(list.allows('10.0.0.0'), true);
    assert.equal(list.allows('10.255.255.255'), true);
    assert.equal(list.allows('11.0.0.0'), false);
    assert.equal(list.allows('9.255.255.255'), false);
  });

  it('matches an IPv6 CIDR by its prefix, however the address is written', () => {
    const list = new IpAllowlist(['2001:db8::/32']);
    assert.equal(list.allows('2001:db8::1'), true);
    assert.equal(list.allows('2001:db8:ffff:ffff::1'), true);
    assert.equal(list.allows('2001:0DB8:0000::0001'), true);
    assert.equal(list.allows('2001:db9::1'), false);
  });

  it('matches a bare address exactly', () => {
    const list = new IpAllowlist(['203.0.113.7', '::1']);
    assert.equal(list.allows('203.0.113.7'), true);
    assert.equal(list.allows('203.0.113.8'), false);
    assert.equal(list.allows('::1'), true);
    assert.equal(list.allows('::2'), false);
  });

  it('matches an IPv4-mapped IPv6 socket address against an IPv4 CIDR', () => {
    const list = new IpAllowlist(['10.0.0.0/8']);
    assert.equal(list.allows('::ffff:10.1.2.3'), true);
    assert.equal(list.allows('::FFFF:10.1.2.3'), true);
    assert.equal(list.allows('::ffff:11.1.2.3'), false);
  });

  it('keeps the families apart otherwise', () => {
    assert.equal(new IpAllowlist(['0.0.0.0/0']).allows('2001:db8::1'), false);
    assert.equal(new IpAllowlist(['2001:db8::/32']).allows('10.0.0.1'), false);
  });

  it('allows everything of a family with /0 and nothing when empty', () => {
    assert.equal(new IpAllowlist(['0.0.0.0/0']).allows('198.51.100.1'), true);
    assert.equal(new IpAllowlist(['::/0']).allows('2001:db8::1'), true);
    assert.equal(new IpAllowlist([]).allows('10.0.0.1'), false);
  });

  it('refuses something that is not an address', () => {
    const list = new IpAllowlist(['0.0.0.0/0', '::/0']);
    for (const ip of ['', 'unknown', '10.0.0.1:443', ' 10.0.0.1']) assert.equal(list.allows(ip), false, ip);
  });

  it('throws the cidrError message for an invalid entry', () => {
    assert.throws(() => new IpAllowlist(['10.0.0.0/8', '10.0.0.0/33']), {
      message: '10.0.0.0/33 has a prefix length outside 0-32',
    });
    assert.throws(() => new IpAllowlist(['office']), {
      message: 'office is not an IPv4 or IPv6 address or CIDR',
    });
  });

  it('normalizes only IPv4-mapped addresses', () => {
    assert.equal(normalizeIp('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normalizeIp('192.0.2.1'), '192.0.2.1');
    assert.equal(normalizeIp('2001:db8::1'), '2001:db8::1');
    assert.equal(normalizeIp('::1'), '::1');
  });
});

describe('ClientIpResolver', () => {
  const PROXY = '10.0.0.1';
  const CLIENT = '203.0.113.7';
  const behindProxies = new ClientIpResolver({ trustedProxies: ['10.0.0.0/8'], header: 'x-forwarded-for' });

  it('uses the socket address when it is not a trusted proxy, ignoring the header', () => {
    const resolved = behindProxies.resolve('198.51.100.9', { 'x-forwarded-for': CLIENT });
    assert.equal(resolved, '198.51.100.9');
  });

  it('uses the socket address when no proxy is trusted at all', () => {
    const direct = new ClientIpResolver({ trustedProxies: [], header: 'x-forwarded-for' });
    assert.equal(direct.resolve(PROXY, { 'x-forwarded-for': CLIENT }), PROXY);
  });

  it('honours X-Forwarded-For from a trusted proxy', () => {
    assert.equal(behindProxies.resolve(PROXY, { 'x-forwarded-for': CLIENT }), CLIENT);
  });

  it('falls back to the proxy address when a trusted proxy sends no or an empty header', () => {
    assert.equal(behindProxies.resolve(PROXY, {}), PROXY);
    assert.equal(behindProxies.resolve(PROXY, { 'x-forwarded-for': undefined }), PROXY);
    assert.equal(behindProxies.resolve(PROXY, { 'x-forwarded-for': '  ' }), PROXY);
  });

  it('walks a multi-hop chain right to left past trusted proxies', () => {
    const headers = { 'x-forwarded-for': `${CLIENT}, 10.0.0.2, 10.20.30.40` };
    assert.equal(behindProxies.resolve(PROXY, headers), CLIENT);
  });

  it('ignores spoofed entries left of the first untrusted hop', () => {
    // The client sent "X-Forwarded-For: 10.9.9.9, 1.1.1.1"; our proxy appended the real address.
    const headers = { 'x-forwarded-for': `10.9.9.9, 1.1.1.1, ${CLIENT}, 10.0.0.2` };
    assert.equal(behindProxies.resolve(PROXY, headers), CLIENT);
  });

  it('returns the leftmost hop when every hop is a trusted proxy', () => {
    assert.equal(behindProxies.resolve(PROXY, { 'x-forwarded-for': '10.0.0.3, 10.0.0.2' }), '10.0.0.3');
  });

  it('joins a header sent more than once, in order', () => {
    const headers = { 'x-forwarded-for': ['1.1.1.1', `${CLIENT}, 10.0.0.2`] };
    assert.equal(behindProxies.resolve(PROXY, headers), CLIENT);
  });

  it('tolerates spaces and empty entries in the chain', () => {
    assert.equal(behindProxies.resolve(PROXY, { 'x-forwarded-for': ` 1.1.1.1 ,, ${CLIENT} , ` }), CLIENT);
  });

  it('matches an IPv4-mapped socket address against an IPv4 proxy range and returns plain IPv4', () => {
    assert.equal(behindProxies.resolve(`::ffff:${PROXY}`, { 'x-forwarded-for': CLIENT }), CLIENT);
    assert.equal(behindProxies.resolve('::ffff:198.51.100.9', { 'x-forwarded-for': CLIENT }), '198.51.100.9');
    assert.equal(behindProxies.resolve(`::ffff:${PROXY}`, {}), PROXY);
  });

  it('normalizes IPv4-mapped addresses inside the chain', () => {
    const headers = { 'x-forwarded-for': `::ffff:${CLIENT}, ::ffff:10.0.0.2` };
    assert.equal(behindProxies.resolve(PROXY, headers), CLIENT);
  });

  it('trusts IPv6 proxies and returns IPv6 clients', () => {
    const resolver = new ClientIpResolver({ trustedProxies: ['fd00::/8'], header: 'x-forwarded-for' });
    const headers = { 'x-forwarded-for': '2001:db8::42, fd00::2' };
    assert.equal(resolver.resolve('fd00::1', headers), '2001:db8::42');
    assert.equal(resolver.resolve('2001:db8::99', headers), '2001:db8::99');
  });

  it('reads a single-value header such as x-real-ip and ignores x-forwarded-for then', () => {
    const resolver = new ClientIpResolver({ trustedProxies: ['10.0.0.0/8'], header: 'x-real-ip' });
    const headers = { 'x-real-ip': CLIENT, 'x-forwarded-for': '1.1.1.1' };
    assert.equal(resolver.resolve(PROXY, headers), CLIENT);
    assert.equal(resolver.resolve(PROXY, { 'x-forwarded-for': '1.1.1.1' }), PROXY);
    assert.equal(resolver.resolve('198.51.100.9', headers), '198.51.100.9');
  });

  it('rejects an invalid trusted proxy entry when built', () => {
    assert.throws(
      () => new ClientIpResolver({ trustedProxies: ['10.0.0.0/40'], header: 'x-forwarded-for' }),
      {
        message: '10.0.0.0/40 has a prefix length outside 0-32',
      },
    );
  });
});
