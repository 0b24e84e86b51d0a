/**
 * Makes log-safe references to email addresses: an HMAC-SHA256 of the lower-cased address
 * under a key that lives only in this process, so the same visitor's lines can be told
 * apart and correlated without the address (or a dictionary-reversible plain hash) in logs.
 *
 * @example
 * const ref = createEmailRef();
 * logger.info('signup', { contact: await ref('ann@example.com') }); // contact: 'c:3f9a0b7e21d4'
 */
export function createEmailRef(): (email: string) => Promise<string> {
  const key = crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (email) => {
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(email.trim().toLowerCase()));
    return `c:${[...new Uint8Array(mac)].slice(0, 6).map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  };
}
