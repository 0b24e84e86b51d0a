/**
 * Makes `ref(email)`: a short keyed hash of an address for logs, so one contact's log lines
 * can be matched up (and an address you already know can be looked for) without logs ever
 * holding plain addresses. Keyed with a server secret, so a leaked log cannot be reversed
 * by hashing a list of addresses.
 *
 * HalfSipHash-2-4 (a keyed PRF made for short inputs) with a key derived from the secret:
 * synchronous and well under a microsecond, where Web Crypto's HMAC costs tens of
 * microseconds and a thread-pool hop on every signup.
 *
 * @example
 * const ref = createEmailRef(apiPassword);
 * logger.info('Signed up', { contact: await ref('ann@example.com') }); // { contact: 'e:5f1c0a9b7d2e4c11' }
 */
export function createEmailRef(secret: string): (email: string) => Promise<string> {
  let key: [number, number] | undefined;
  const derived = crypto.subtle.digest('SHA-256', new TextEncoder().encode(`dotdigital-signup:${secret}`)).then((digest) => {
    const words = new DataView(digest);
    key = [words.getUint32(0, true), words.getUint32(4, true)];
    return key;
  });
  const encoder = new TextEncoder();
  return async (email) => {
    const [k0, k1] = key ?? (await derived);
    return `e:${halfSipHash64(k0, k1, encoder.encode(email.trim().toLowerCase()))}`;
  };
}

const rotl = (x: number, b: number) => ((x << b) | (x >>> (32 - b))) >>> 0;

/** HalfSipHash-2-4 with a 64-bit key and 64-bit output, as 16 hex digits. */
function halfSipHash64(k0: number, k1: number, input: Uint8Array): string {
  const v = [k0 >>> 0, (k1 ^ 0xee) >>> 0, (0x6c796765 ^ k0) >>> 0, (0x74656462 ^ k1) >>> 0];
  const round = () => {
    v[0] = (v[0]! + v[1]!) >>> 0; v[1] = (rotl(v[1]!, 5) ^ v[0]) >>> 0; v[0] = rotl(v[0], 16);
    v[2] = (v[2]! + v[3]!) >>> 0; v[3] = (rotl(v[3]!, 8) ^ v[2]) >>> 0;
    v[0] = (v[0] + v[3]) >>> 0; v[3] = (rotl(v[3], 7) ^ v[0]) >>> 0;
    v[2] = (v[2] + v[1]) >>> 0; v[1] = (rotl(v[1], 13) ^ v[2]) >>> 0; v[2] = rotl(v[2], 16);
  };
  const compress = (m: number) => {
    v[3] = (v[3]! ^ m) >>> 0;
    round();
    round();
    v[0] = (v[0]! ^ m) >>> 0;
  };
  const end = input.length - (input.length % 4);
  for (let i = 0; i < end; i += 4) compress((input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24)) >>> 0);
  let last = (input.length & 0xff) << 24;
  for (let i = end; i < input.length; i++) last |= input[i]! << (8 * (i - end));
  compress(last >>> 0);
  v[2] = (v[2]! ^ 0xee) >>> 0;
  for (let i = 0; i < 4; i++) round();
  const low = (v[1]! ^ v[3]!) >>> 0;
  v[1] = (v[1]! ^ 0xdd) >>> 0;
  for (let i = 0; i < 4; i++) round();
  const high = (v[1]! ^ v[3]!) >>> 0;
  return low.toString(16).padStart(8, '0') + high.toString(16).padStart(8, '0');
}
