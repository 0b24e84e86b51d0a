import type { FormDefinition } from './form-definition.js';
import type { ProofSource } from './proof-source.js';
import type { SignupError } from './signup-error.js';
import type { SignupRequest } from './signup-request.js';
import { loadSolver } from './solver-loader.js';
import { createVendorProofs } from './vendor-token.js';

/** What a successful signup answered. */
export type SignupStatus = 'subscribed' | 'pending_confirmation' | 'queued';

/** The client's own call to the proxy (its timeout and errors): `url` defaults to the endpoint. */
export type ProxyCall = (init: RequestInit, signal: AbortSignal | undefined, url?: string) => Promise<{ status: number; body: unknown }>;

/** What a client sends a signup with: the proof of work readied ahead (or a vendor's token, had at submit), the POST. */
export interface SignupSender {
  /**
   * Starts solving the proxy's proof of work when `definition` asks for one, or loads the vendor's
   * script when it names a vendor's check; without a definition (after a refusal) readies the
   * next proof, if the form takes proofs.
   */
  prepare(definition?: Partial<FormDefinition>): void;
  /** `POST {endpoint}` with the proof (or a fresh vendor token) attached; a `human_check_failed` answer is retried once with a fresh one. */
  submit(request: SignupRequest, signal?: AbortSignal): Promise<SignupStatus>;
}

/**
 * The submitting half of {@link createSignupClient}: in the chunk (the script tag's side file) a
 * page loads once its form is shown, not with the page. It never tests `instanceof SignupError`:
 * in the script tag this file has its own copy of the class, so an error's `code` is what it reads.
 *
 * @example
 * const sender = createSignupSender('/api/signup', call);
 * sender.prepare(definition);
 * const status = await sender.submit(request);
 */
export function createSignupSender(endpoint: string, call: ProxyCall): SignupSender {
  let proofs: Promise<ProofSource> | undefined;
  const prepare = (definition?: Partial<FormDefinition>) => {
    const check = definition?.humanCheck;
    // The challenge is per visitor: its own request, never from a cache (the definition stays shared).
    if (check?.kind === 'proof-of-work') proofs ??= loadSolver().then((source) => source(endpoint, (url) => call({ cache: 'no-store' }, undefined, url)));
    // A vendor's check (its script loads now, and only now); its token is had at submit.
    else if (check) proofs ??= Promise.resolve(createVendorProofs(check));
    proofs?.then((source) => source.prepare(), () => (proofs = undefined));
  };
  return {
    prepare,
    async submit(request, signal) {
      const send = (proof?: string) => call({
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...request, proof }), // no proof asked: JSON leaves it out
      }, signal);
      // A proof that could not be had (the challenge did not load, the solver failed) is none: the
      // signup goes without, the proxy refuses it, and the visitor reads human_check_failed in their
      // language rather than "something went wrong"; the console says why.
      const take = () => Promise.resolve(proofs).then((source) => source?.take()).catch((cause: unknown) => void console.warn('dotdigital-signup: no proof of work to send:', cause));
      const first = await take();
      const { body } = await send(first).catch(async (error: unknown) => {
        if ((error as SignupError).code !== 'human_check_failed') {
          prepare(); // a fresh proof for the visitor's next try
          throw error;
        }
        // Expired while the page was open, spent by an earlier try, or a definition that did not say:
        // one fresh proof, before the visitor sees anything. No proof to be had — or a vendor's check
        // that just gave none (asking again would only wait again) — the refusal stands.
        if (proofs && first === undefined) throw error;
        prepare({ humanCheck: { kind: 'proof-of-work' } });
        const next = await take();
        if (next === undefined) throw error;
        return send(next);
      });
      const status = (body as { status?: unknown } | undefined)?.status;
      return status === 'pending_confirmation' || status === 'queued' ? status : 'subscribed';
    },
  };
}
