/** How the proxy learns the visitor's address when it sits behind proxies or a CDN. */
export interface ClientIpOptions {
  /** How many proxies in front of this server append to the forwarding header. 0 trusts no header. */
  trustedProxyHops: number;
  /** `x-forwarded-for` (default), `forwarded`, or a one-address header such as `cf-connecting-ip`. */
  header: string;
}

/**
 * The visitor's address for the consent record and the rate limit. With no trusted hops it
 * is the socket's peer; with N hops it is the Nth address from the right of the forwarding
 * list (what the outermost trusted proxy saw), as Express's `trust proxy` counts. Anything
 * that is not a valid IPv4 or IPv6 address is ignored.
 *
 * @example
 * clientIp(new Headers({ 'x-forwarded-for': '198.51.100.4, 10.0.0.2' }), '10.0.0.3', { trustedProxyHops: 2, header: 'x-forwarded-for' }); // '198.51.100.4'
 */
export function clientIp(headers: Headers, socketAddress: string | undefined, options: ClientIpOptions): string | undefined {
  const fromSocket = socketAddress === undefined ? undefined : normalizeIp(socketAddress);
  if (options.trustedProxyHops <= 0) return fromSocket;
  const name = options.header.toLowerCase();
  const raw = headers.get(name);
  if (raw === null) return fromSocket;
  if (name !== 'x-forwarded-for' && name !== 'forwarded') return normalizeIp(raw.split(',')[0]!) ?? fromSocket;
  const chain = name === 'forwarded' ? forwardedFor(raw) : raw.split(',').map((part) => part.trim());
  // chain[last] was appended by the nearest proxy; each trusted hop lets us look one further left.
  const index = Math.max(0, chain.length - options.trustedProxyHops);
  return normalizeIp(chain[index] ?? '') ?? fromSocket;
}

// RFC 7239: `for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"`.
function forwardedFor(value: string): string[] {
  return value.split(',').map((element) => {
    const pair = element.split(';').map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('for='));
    return pair ? pair.slice(4).replace(/^"|"$/g, '') : '';
  });
}

/**
 * A valid IPv4 or IPv6 address in its usual written form, or `undefined`. Ports, brackets
 * and IPv6 zone ids are dropped; an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, what
 * Node reports on a dual-stack socket) is written as plain IPv4, as a person expects.
 *
 * @example
 * normalizeIp('::ffff:203.0.113.7'); // '203.0.113.7'
 * normalizeIp('[2001:DB8::1]:443');  // '2001:db8::1'
 */
export function normalizeIp(input: string): string | undefined {
  let value = input.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) {
    return value.split('.').every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet)) ? value : undefined;
  }
  if (!value.includes(':') || !/^[0-9a-f:.]+$/i.test(value)) return undefined;
  try {
    return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/**
 * The key an address is rate-limited under: the address itself for IPv4, its /64 network for
 * IPv6 (one subscriber usually holds a whole /64, so per-address limits would be no limit).
 *
 * @example
 * rateLimitKey('2001:db8:1:2:3:4:5:6'); // '2001:db8:1:2::/64'
 */
export function rateLimitKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${full.slice(0, 4).map((part) => part.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
