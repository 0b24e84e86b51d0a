import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { UseCounter } from '../http/use-counter.js';
import { humanCheckSecret } from './human-check-secret.js';

/** Why a proof was refused, for the log and the answer's message. */
export type ProofProblem = 'missing' | 'malformed' | 'invalid' | 'expired' | 'reused';

/** The proof-of-work side of the human check: challenges out, solutions in. */
export interface ProofOfWork {
  /** A new signed challenge (ALTCHA v2, deterministic): what `GET {endpoint}?challenge` answers. */
  challenge(): Promise<Challenge>;
  /** Checks a solution (the base64 ALTCHA payload) and spends it: `undefined` when it is good, else why not. */
  verify(proof: string | undefined): Promise<ProofProblem | undefined>;
}

/** What {@link createProofOfWork} takes. */
export interface ProofOfWorkSettings {
  site: { apiPassword: string; apiUser: string; allowedOrigins: ReadonlySet<string> };
  cost: number;
  maxCounter: number;
  expiresMs: number;
  /** One use per challenge, kept as long as the challenge lives: the replay store (memory, file or Redis counters). */
  used: UseCounter;
  now: () => number;
}

const ALGORITHM = 'PBKDF2/SHA-256';

/**
 * ALTCHA's proof of work in deterministic mode: the proxy picks a secret counter (1 to
 * `maxCounter`), derives its PBKDF2 key (`cost` iterations) and signs the challenge with it,
 * so the browser must try counters until it finds that key, while checking a solution costs
 * the proxy two HMACs. Both secrets come from humanCheckSecret (every instance has them). A
 * solution is accepted once: its challenge's signature is spent in `used`, which keeps it until
 * the challenge expires (counted in the shared stores, so a replay to another instance fails too).
 *
 * @example
 * const pow = createProofOfWork({ site: options, cost: 1000, maxCounter: 1500, expiresMs: 1_200_000, used, now: Date.now });
 * const challenge = await pow.challenge();
 * await pow.verify(body.proof); // undefined: a person's browser did the work
 */
export function createProofOfWork(settings: ProofOfWorkSettings): ProofOfWork {
  const secrets = Promise.all([humanCheckSecret(settings.site, 'challenge'), humanCheckSecret(settings.site, 'solution')]);
  return {
    async challenge() {
      const [hmacSignatureSecret, hmacKeySignatureSecret] = await secrets;
      return createChallenge({
        algorithm: ALGORITHM,
        cost: settings.cost,
        counter: randomInt(settings.maxCounter),
        deriveKey,
        expiresAt: Math.ceil((settings.now() + settings.expiresMs) / 1000),
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
    },
    async verify(proof) {
      if (proof === undefined || proof === '') return 'missing';
      const payload = decode(proof);
      if (!payload) return 'malformed';
      const [hmacSignatureSecret, hmacKeySignatureSecret] = await secrets;
      const { challenge } = payload;
      // Only our own kind of challenge: a forged one could name a cheaper algorithm or no key signature.
      if (challenge.parameters.algorithm !== ALGORITHM || typeof challenge.parameters.keySignature !== 'string') return 'invalid';
      const result = await verifySolution({ challenge, solution: payload.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret }).catch(() => undefined);
      if (!result) return 'malformed';
      if (result.invalidSignature || result.invalidSolution) return 'invalid';
      // altcha-lib reads the real clock; ours may be a test's, so expiry is checked here too.
      const expiresAt = (challenge.parameters.expiresAt ?? 0) * 1000;
      if (result.expired || expiresAt <= settings.now()) return 'expired';
      return (await settings.used.take(challenge.signature!)) ? undefined : 'reused';
    },
  };
}

// The ALTCHA payload: base64 of `{ challenge: { parameters, signature }, solution: { counter, derivedKey } }`.
function decode(proof: string): { challenge: Challenge; solution: Solution } | undefined {
  if (proof.length > 4_096) return undefined;
  try {
    const value = JSON.parse(atob(proof)) as { challenge?: Challenge; solution?: Solution };
    const parameters = value?.challenge?.parameters;
    if (!parameters || typeof parameters !== 'object' || typeof value.challenge?.signature !== 'string' || typeof value.solution !== 'object' || value.solution === null) return undefined;
    return { challenge: value.challenge, solution: value.solution };
  } catch {
    return undefined;
  }
}
