import { describe, expect, it } from 'vitest';
import { isAllowedHost, parseAllowedHosts, refusedAddressReason } from './address-guard';

describe('the address guard', () => {
  it.each([['93.184.215.14'], ['8.8.8.8'], ['2606:4700:4700::1111'], ['::ffff:8.8.8.8']])(
    'lets the public address %s through',
    (address) => {
      expect(refusedAddressReason(address)).toBeNull();
    },
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private network'],
    ['172.16.0.1', 'private network'],
    ['192.168.1.1', 'private network'],
    ['fd12:3456::1', 'private network address (IPv6 unique local)'],
    ['169.254.10.10', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'private network'],
    ['64:ff9b::a00:1', '10.0.0.1 is a private network'],
    ['64:ff9b::7f00:1', '127.0.0.1 is a loopback'],
    ['2002:a00:1::', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('refuses %s as %s', (address, why) => {
    expect(refusedAddressReason(address)).toContain(why);
  });

  it('judges a mapped IPv4 address as the address it carries', () => {
    expect(refusedAddressReason('::ffff:7f00:1')).toBe(
      '127.0.0.1 is a loopback address (this server itself)',
    );
  });

  it('refuses what is not an address at all', () => {
    expect(refusedAddressReason('localhost')).toBe('localhost is not an IP address');
  });
});

describe('the hosts let through (ARTICLE_FETCH_ALLOW_HOSTS)', () => {
  const allowed = parseAllowedHosts('news.example, 127.0.0.1:8080');
  if (typeof allowed === 'string') throw new Error(allowed);

  it('lets a named host through on any port, and a host:port on that port only', () => {
    expect(isAllowedHost(new URL('https://NEWS.example/a'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://news.example:81/a'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:8080/a'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:8081/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('http://localhost:8080/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('http://sub.news.example/a'), allowed)).toBe(false);
  });

  it('reads an empty setting as no host', () => {
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(parseAllowedHosts(' , ')).toEqual([]);
  });

  it('refuses a URL, a path or a user in place of a host', () => {
    for (const entry of ['http://news.example', 'news.example/feed', 'me@news.example']) {
      expect(parseAllowedHosts(entry)).toMatch(/is not a host or host:port/);
    }
  });
});
