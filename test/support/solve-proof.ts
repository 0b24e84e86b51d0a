import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/**
 * What a browser's solver does, in Node: asks `GET {endpoint}?challenge` (of a handler, or over
 * HTTP) and solves it, returning the `proof` a signup carries (base64 of the ALTCHA payload).
 *
 * @example
 * const proof = await solveProof((r) => handler(r), 'https://www.example.com/api/signup');
 */
export async function solveProof(fetchLike: (request: Request) => Promise<Response>, endpoint: string): Promise<string> {
  const url = new URL(endpoint);
  url.searchParams.set('challenge', '');
  const response = await fetchLike(new Request(url));
  if (response.status !== 200) throw new Error(`GET ?challenge answered ${response.status}: ${await response.text()}`);
  return solveChallengeProof((await response.json()) as Challenge);
}

/**
 * Solves a challenge as the browser would and encodes the payload.
 *
 * @example
 * const proof = await solveChallengeProof(challenge);
 */
export async function solveChallengeProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the challenge was not solved');
  return btoa(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }));
}

/**
 * A proof for a proxy over real HTTP (`serve`, an adapter): its challenge fetched and solved.
 *
 * @example
 * const proof = await proofOverHttp('http://127.0.0.1:3000/');
 */
export function proofOverHttp(endpoint: string): Promise<string> {
  return solveProof((request) => fetch(request), endpoint);
}
