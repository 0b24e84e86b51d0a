import type { Challenge } from 'altcha-lib';
import { solveChallengeProof } from './solve-proof.js';

/** What a visitor's signup got back, and how long it took (the definition's load not counted). */
export interface HttpSignup {
  status: number;
  body: unknown;
  retryAfter: string | null;
  ms: number;
}

/**
 * A visitor's signup as the widget sends it, over real HTTP to a proxy's `endpoint`: the form
 * definition first (for the consent text and version), the proof of work solved when the
 * definition asks for one, then the JSON `POST` from `site`.
 *
 * @example
 * const { status, body } = await signUpOverHttp(`${base}/api/signup`, 'ann@example.com', 'https://www.example.com');
 */
export async function signUpOverHttp(endpoint: string, email: string, site: string, options: { headers?: Record<string, string>; pageUrl?: string } = {}): Promise<HttpSignup> {
  const definition = (await (await fetch(endpoint)).json()) as { consent: { text: string; version: string }; humanCheck?: { kind: string } };
  // What the widget does while the visitor types: solve the proxy's proof of work (not counted in `ms`).
  const proof = definition.humanCheck?.kind === 'proof-of-work' ? await solveChallengeProof((await (await fetch(`${endpoint}?challenge`)).json()) as Challenge) : undefined;
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site, ...options.headers },
    body: JSON.stringify({ email, consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: options.pageUrl ?? `${site}/` }, ...(proof ? { proof } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as unknown, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
}

/**
 * Switches the mock's outage (every API call answers `503`) on or off, as its page's button does.
 *
 * @example
 * await mockOutage(mock.url, 'on');
 */
export function mockOutage(mockUrl: string, state: 'on' | 'off'): Promise<Response> {
  return fetch(`${mockUrl}/_mock/outage`, { method: 'POST', body: new URLSearchParams({ state }), redirect: 'manual' });
}
