import type { ClientIpPolicy } from './client-ip.js';

/**
 * Where the visitor's IP address comes from, named by where the proxy runs
 * (README, "Client IP by platform"). A platform preset trusts a header that platform sets and
 * overwrites; used anywhere else, that header is whatever the visitor sends, so pick the row that is true.
 */
export type ClientIpSetting =
  | 'socket'
  | 'vercel'
  | 'netlify'
  | 'cloudflare'
  | 'fly'
  | { trustedProxyHops: number }
  | { header: string };

/**
 * The presets: `socket` believes no header (the default, right for a bare `node` or `next start`
 * with visitors connecting directly); Vercel overwrites `X-Forwarded-For` with the visitor's
 * address (one trusted hop); the others set a header of their own and overwrite any a visitor sent.
 */
export const CLIENT_IP_PRESETS = {
  socket: { trustedProxyHops: 0, clientIpHeader: undefined },
  vercel: { trustedProxyHops: 1, clientIpHeader: undefined },
  netlify: { trustedProxyHops: 0, clientIpHeader: 'x-nf-client-connection-ip' },
  cloudflare: { trustedProxyHops: 0, clientIpHeader: 'cf-connecting-ip' },
  fly: { trustedProxyHops: 0, clientIpHeader: 'fly-client-ip' },
} as const satisfies Record<string, ClientIpPolicy>;

/**
 * Turns the `clientIp` option (and the older `trustedProxyHops` / `clientIpHeader`, which mean
 * `{ trustedProxyHops }` and `{ header }`) into the policy `clientIp()` applies. `fail` throws
 * the option error.
 *
 * @example
 * resolveClientIp({ clientIp: 'cloudflare' }, fail); // { trustedProxyHops: 0, clientIpHeader: 'cf-connecting-ip' }
 */
export function resolveClientIp(
  options: { clientIp?: ClientIpSetting; trustedProxyHops?: number; clientIpHeader?: string },
  fail: (problem: string) => never,
): ClientIpPolicy {
  const { clientIp, trustedProxyHops, clientIpHeader } = options;
  if (clientIp !== undefined && (trustedProxyHops !== undefined || clientIpHeader !== undefined)) {
    fail('pass `clientIp` alone: `trustedProxyHops` and `clientIpHeader` are its older spellings');
  }
  const setting: ClientIpSetting = clientIp ?? (clientIpHeader?.trim() ? { header: clientIpHeader } : { trustedProxyHops: trustedProxyHops ?? 0 });
  if (typeof setting === 'string') {
    if (Object.hasOwn(CLIENT_IP_PRESETS, setting)) return { ...CLIENT_IP_PRESETS[setting] };
    fail(`\`clientIp\` must be ${Object.keys(CLIENT_IP_PRESETS).map((name) => `'${name}'`).join(', ')}, { trustedProxyHops: n } or { header: 'name' }, not ${JSON.stringify(setting)}`);
  }
  if (setting && typeof setting === 'object' && 'header' in setting) {
    const header = typeof setting.header === 'string' ? setting.header.trim().toLowerCase() : '';
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) fail(`\`clientIp.header\` must be a header name such as 'x-real-ip', not ${JSON.stringify(setting.header)}`);
    return { trustedProxyHops: 0, clientIpHeader: header };
  }
  const hops = (setting as { trustedProxyHops?: unknown } | null)?.trustedProxyHops;
  if (typeof hops !== 'number' || !Number.isSafeInteger(hops) || hops < 0) fail('`trustedProxyHops` must be a whole number ≥ 0');
  return { trustedProxyHops: hops, clientIpHeader: undefined };
}
