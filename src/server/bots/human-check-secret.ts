const encoder = new TextEncoder();

/**
 * Derives the proof of work's signing secret from what every instance of one site already
 * shares: the Dotdigital API password (the key), the API user and the allowed origins (the
 * label). No new setting, and any instance verifies any other's challenge; a proxy of another
 * account, or another site of the same account, derives another secret, so its challenges do
 * not pass here. HMAC-SHA-256 from Web Crypto; `purpose` keeps the challenge's and the solution's
 * secrets apart.
 *
 * @example
 * const secret = await humanCheckSecret({ apiPassword, apiUser, allowedOrigins }, 'challenge');
 */
export async function humanCheckSecret(
  site: { apiPassword: string; apiUser: string; allowedOrigins: ReadonlySet<string> },
  purpose: 'challenge' | 'solution',
): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(site.apiPassword), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const label = ['dotdigital-signup human check v1', purpose, site.apiUser, ...[...site.allowedOrigins].sort()].join('\n');
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(label));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
