import { consentVersion } from './consent-version.js';
import type { CachedEntry } from './definition-cache.js';
import { createDotdigitalClient } from './dotdigital/dotdigital-client.js';
import { createEmailRef } from './email-ref.js';
import { createFormDefinitionSource, type DefinitionState } from './form-definition-source.js';
import { createOriginPolicy, type OriginPolicy } from './origin-policy.js';
import { createRateLimiter, type RateVerdict } from './rate-limiter.js';
import { rateLimitKey } from './client-ip.js';
import type { ResolvedOptions } from './resolve-options.js';
import { submitSignup, type CheckedSignup, type SignupOutcome } from './submit-signup.js';
import type { UpstreamGate } from './with-retry.js';

/** Everything one handler shares between requests: options, caches, limits, the client. */
export interface SignupRuntime {
  options: ResolvedOptions;
  policy: OriginPolicy;
  definition: { get(): Promise<CachedEntry<DefinitionState>> };
  consentVersion: Promise<string>;
  takeRate(ip: string | undefined): RateVerdict;
  submit(state: DefinitionState, signup: CheckedSignup): Promise<SignupOutcome>;
  warnNoIp(): void;
}

/**
 * Builds the handler's shared state from resolved options.
 *
 * @example
 * const runtime = createSignupRuntime(resolveOptions(options));
 */
export function createSignupRuntime(options: ResolvedOptions): SignupRuntime {
  const client = createDotdigitalClient({
    apiUser: options.apiUser,
    apiPassword: options.apiPassword,
    apiUrl: options.apiUrl,
    timeoutMs: options.retry.budgetMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // One gate for the whole process: after a 429 every request waits out Dotdigital's reset.
  const gate: UpstreamGate = { notBefore: 0 };
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit, options.clock);
  const emailRef = createEmailRef();
  let warnedNoIp = false;
  return {
    options,
    policy: createOriginPolicy(options.allowedOrigins),
    definition: createFormDefinitionSource(client, options, gate),
    consentVersion: consentVersion(options.consentText),
    // Without a known address there is no fair key: one shared bucket would let one visitor
    // lock everyone out, so the limit is skipped and the operator told once.
    takeRate: (ip) => (limiter && ip !== undefined ? limiter.take(rateLimitKey(ip)) : { ok: true }),
    submit: (state, signup) => submitSignup(client, options, gate, state, signup, emailRef),
    warnNoIp() {
      if (warnedNoIp) return;
      warnedNoIp = true;
      options.logger.warn(
        'The visitor address is unknown, so IPADDRESS is empty and the per-address rate limit is off: pass { clientAddress } ' +
          'from your adapter, or set trustedProxyHops and clientIpHeader for the header your host sets (README, "Deployment").',
      );
    },
  };
}
