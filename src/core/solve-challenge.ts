import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { createProofSource, type ProofSource } from './proof-source.js';
import { withQuery } from './with-query.js';

// Tries in flight at once. Each is one Web Crypto PBKDF2 derivation, which the browser runs on
// its own crypto threads: this thread only starts them and reads their results.
const LANES = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

/**
 * Solves the proxy's proof-of-work challenge (ALTCHA v2) with Web Crypto, several tries in
 * flight, and returns the `proof` a signup carries: base64 of `{ challenge, solution }`.
 * Loaded on demand (its own chunk, or the script tag's `dotdigital-signup.solver.js`).
 *
 * @example
 * const proof = await solveProofOfWork(await (await fetch('/api/signup?challenge')).json());
 */
export async function solveProofOfWork(challenge: Challenge, signal?: AbortSignal): Promise<string> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  try {
    // Lane i tries i, i + LANES, …: together they cover every counter once, and the first to find it stops the rest.
    const solution = await Promise.any(Array.from({ length: LANES }, async (_, lane) => {
      const found = await solveChallenge({ challenge, controller, counterStart: lane, counterStep: LANES, deriveKey, timeout: 120_000 });
      if (!found) throw new Error('not found');
      stop();
      return found;
    })).catch(() => undefined);
    if (!solution) throw new Error('dotdigital-signup: the proof-of-work challenge was not solved');
    return btoa(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * What the solver file gives the client: a {@link ProofSource} solving the challenges of
 * `GET {endpoint}?challenge`, fetched with `get` (the client's own call, so its timeout and
 * errors apply). Kept in the solver's chunk, so pages that need no proof never load it.
 *
 * @example
 * const proofs = proofSource('/api/signup', (url) => fetch(url, { cache: 'no-store' }).then(async (r) => ({ body: await r.json() })));
 */
export function proofSource(endpoint: string, get: (url: string) => Promise<{ body: unknown }>): ProofSource {
  return createProofSource(() => get(withQuery(endpoint, 'challenge')).then((answer) => answer.body), solveProofOfWork);
}
