import ipaddr from 'ipaddr.js';

/**
 * Which addresses the server may fetch an article from: only global unicast ones. A school's
 * server sits inside its network, so a teacher's link must not become a way to reach the
 * router, a printer's admin page or a cloud's metadata service (server-side request forgery).
 * ipaddr.js names every special range (RFC 6890 and later); anything it does not call
 * `unicast` is refused, so a range added to it later is refused too.
 */

/** Why each refused range is refused, in words a teacher or operator can act on. */
const RANGE_REASONS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address (0.0.0.0 or ::)',
  loopback: 'a loopback address (this server itself)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/** Cloud metadata services, which hand out credentials to whoever asks from inside. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

/** The IPv4 address in the last 32 bits of an IPv6 one. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const [high = 0, low = 0] = address.parts.slice(6);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** A refused address, as written (IPv4 for a mapped one), and what it is. */
export interface RefusedAddress {
  readonly address: string;
  /** e.g. "a loopback address (this server itself)". */
  readonly what: string;
}

/**
 * What the address is when it must not be fetched, or null when it is a public (global unicast)
 * one. IPv4-mapped (::ffff:10.0.0.1) and NAT64 (64:ff9b::a00:1) IPv6 addresses are judged as the
 * IPv4 address they carry.
 */
export function refusedAddress(address: string): RefusedAddress | null {
  if (!ipaddr.isValid(address)) return { address, what: 'not an IP address' };
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    // NAT64 (64:ff9b::/96): on an IPv6-only network every IPv4 site comes as one of these.
    else if (v6.range() === 'rfc6052') parsed = embeddedIPv4(v6);
  }
  const normalized = parsed.toString();
  if (METADATA_ADDRESSES.has(normalized)) {
    return { address: normalized, what: 'a cloud metadata address' };
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  return { address: normalized, what: RANGE_REASONS[range] ?? `a reserved address (${range})` };
}

/** Why the address must not be fetched ("10.0.0.1 is a private network address"), or null. */
export function refusedAddressReason(address: string): string | null {
  const refused = refusedAddress(address);
  return refused && `${refused.address} is ${refused.what}`;
}

/** An entry of ARTICLE_FETCH_ALLOW_HOSTS: a host name or IP, and the one port if it names one. */
export interface AllowedHost {
  readonly host: string;
  readonly port: number | null;
}

/**
 * Reads ARTICLE_FETCH_ALLOW_HOSTS: comma-separated `host` or `host:port` (an IPv6 address in
 * brackets, `[::1]:8080`). Returns the problem as a string when an entry is not one.
 */
export function parseAllowedHosts(value: string | undefined): readonly AllowedHost[] | string {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  const hosts: AllowedHost[] = [];
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(`http://${entry}`);
    } catch {
      return `ARTICLE_FETCH_ALLOW_HOSTS: ${JSON.stringify(entry)} is not a host or host:port`;
    }
    // Anything the URL parser kept beyond a host and port (a path, a user) is not a host.
    if (url.host !== entry.replace(/:80$/, '') || url.pathname !== '/') {
      return `ARTICLE_FETCH_ALLOW_HOSTS: ${JSON.stringify(entry)} is not a host or host:port`;
    }
    const hasPort = /:\d+$/.test(entry);
    hosts.push({
      host: url.hostname,
      port: hasPort ? Number(entry.slice(entry.lastIndexOf(':') + 1)) : null,
    });
  }
  return hosts;
}

/** The port a URL connects to, its scheme's default when it names none. */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Whether the operator let this URL's host (and port) past the address guard. */
export function isAllowedHost(url: URL, allowed: readonly AllowedHost[]): boolean {
  const host = url.hostname.toLowerCase();
  return allowed.some(
    (entry) => entry.host === host && (entry.port === null || entry.port === portOf(url)),
  );
}
