const encoder = new TextEncoder();
/** How many addresses' refs are kept: those of the signups in flight, not a directory of addresses. */
const RECENT = 16;

/**
 * Makes `ref(email)`: a short keyed hash of an address for logs, so one contact's log lines
 * can be matched up (and an address you already know can be looked for) without logs ever
 * holding plain addresses. Keyed with a server secret, so a leaked log cannot be reversed
 * by hashing a list of addresses.
 *
 * HMAC-SHA-256 from Web Crypto (every runtime the proxy runs on has it), cut to 64 bits:
 * plenty to tell the contacts of one log apart.
 *
 * @example
 * const ref = createEmailRef(apiPassword);
 * logger.info('Signed up', { contact: await ref('ann@example.com') }); // { contact: 'e:5f1c0a9b7d2e4c11' }
 */
export function createEmailRef(secret: string): (email: string) => Promise<string> {
  const key = crypto.subtle.importKey('raw', encoder.encode(`dotdigital-signup:${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // One signup asks for its address's ref up to three times (the per-address limits, the log):
  // the last few are kept, so each is computed once.
  const recent = new Map<string, Promise<string>>();
  return (email) => {
    const address = email.trim().toLowerCase();
    let ref = recent.get(address);
    if (!ref) {
      ref = (async () => {
        const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(address));
        return `e:${[...new Uint8Array(mac, 0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
      })();
      recent.set(address, ref);
      ref.catch(() => recent.delete(address));
      if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    }
    return ref;
  };
}
