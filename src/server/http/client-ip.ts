import ipaddr from 'ipaddr.js';

/** Where the visitor's address may be read from, as configured. */
export interface ClientIpPolicy {
  trustedProxyHops: number;
  clientIpHeader: string | undefined;
}

/**
 * The address to record as IPADDRESS, in canonical form: IPv4 dotted decimal (an
 * IPv4-mapped IPv6 address such as `::ffff:203.0.113.7`, what Node reports for IPv4 peers
 * on a dual-stack socket, becomes plain IPv4), IPv6 in RFC 5952 form. Ports, brackets and
 * quotes as proxies write them are stripped; anything that is not an address is `undefined`.
 *
 * @example
 * normalizeIp('::ffff:203.0.113.7'); // '203.0.113.7'
 * normalizeIp('[2001:DB8::1]:443');  // '2001:db8::1'
 */
export function normalizeIp(raw: string | undefined): string | undefined {
  let value = raw?.trim().replace(/^"|"$/g, '') ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, ''); // zone ids (fe80::1%eth0) say nothing about the visitor
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value).toString();
  if (!ipaddr.IPv6.isValid(value)) return undefined;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toRFC5952String();
}

/**
 * The visitor's address: the platform header when one is configured, else the entry of
 * `X-Forwarded-For` written by the outermost trusted proxy, else the socket's peer.
 * Entries left of the trusted hops are the visitor's own claims and are never believed.
 *
 * @example
 * // one trusted load balancer at 10.0.0.2, which appended the visitor's address
 * clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), '10.0.0.2', { trustedProxyHops: 1, clientIpHeader: undefined });
 * // '203.0.113.7'
 */
export function clientIp(headers: Headers, socketAddress: string | undefined, policy: ClientIpPolicy): string | undefined {
  if (policy.clientIpHeader) return normalizeIp(headers.get(policy.clientIpHeader) ?? undefined);
  if (policy.trustedProxyHops === 0) return normalizeIp(socketAddress);
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  // The chain as the last trusted hop saw it; the socket peer is that hop itself (absent on serverless).
  const chain = [...forwarded, socketAddress ?? ''];
  const index = chain.length - 1 - policy.trustedProxyHops;
  return normalizeIp(chain[Math.max(index, 0)]);
}

/**
 * The per-IP limit's key for visitors whose address cannot be read (no socket address, a
 * platform header missing or garbled): one bucket they all share, so an unreadable address
 * never means an unlimited one.
 */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The key a visitor is rate-limited under: the address itself for IPv4, the /64 network for
 * IPv6 (one home or phone holds a whole /64, so single addresses would be free to rotate).
 *
 * @example
 * rateLimitKey('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 */
export function rateLimitKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  const parts = ipaddr.IPv6.parse(ip).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toRFC5952String()}/64`;
}

/**
 * The IPv6 /48 an address belongs to (one site's allocation, which tunnel brokers hand out for
 * free), for a second, wider limit: counted per /64 alone, a /48 holds 65 536 fresh allowances.
 * `undefined` for IPv4.
 *
 * @example
 * ipv6SiteKey('2001:db8:1:2:aaaa::1'); // '2001:db8:1::/48'
 */
export function ipv6SiteKey(ip: string): string | undefined {
  if (!ip.includes(':')) return undefined;
  const parts = ipaddr.IPv6.parse(ip).parts.slice(0, 3);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0, 0]).toRFC5952String()}/48`;
}
