import { createConsentCatalog } from './definition/consent-catalog.js';
import { createFormDefinitionSource, type FormDefinitionSource } from './definition/form-definition-source.js';
import { createDotdigitalClient } from './dotdigital/dotdigital-client.js';
import { createRetrying } from './dotdigital/with-retries.js';
import { createOriginPolicy } from './http/cors.js';
import { createIpRateLimiter } from './http/rate-limiter.js';
import { failOpen } from './http/fail-open.js';
import { createQueueDeliverer, type DeliverQueued } from './queue/deliver-queued.js';
import { createSignupEnqueuer } from './queue/enqueue-signup.js';
import type { ResolvedOptions } from './resolve-options.js';
import { createEmailRef } from './shared/email-ref.js';
import type { LiveSignupDeps } from './signup/live-signup-deps.js';

/** How many distinct warnings one handler logs before it stops (each refused origin is one). */
const MAX_WARNINGS = 1_000;

/** Everything one handler keeps between requests: what a live signup needs, and the queue's delivery round. */
export interface SignupEngine extends LiveSignupDeps {
  options: ResolvedOptions;
  definition: FormDefinitionSource;
  deliverQueued: DeliverQueued;
}

/**
 * Puts a handler's long-lived parts together from checked options: the Dotdigital client with
 * retries, the cached form definition, the origin policy, the rate limiter and the queue.
 * Each part gets only the values it uses.
 *
 * @example
 * const engine = createSignupEngine(resolveOptions(options));
 */
export function createSignupEngine(options: ResolvedOptions): SignupEngine {
  const { logger, clock } = options;
  const client = createDotdigitalClient({
    apiUser: options.apiUser,
    apiPassword: options.apiPassword,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    timeoutMs: options.retry.attemptTimeoutMs,
    now: () => clock.now(),
    budget: options.budget,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const retrying = createRetrying(options.retry, clock);
  const submit = { client, retrying, logger };
  const consent = createConsentCatalog(options.locales);
  const emailRef = createEmailRef(options.apiPassword);
  const warned = new Set<string>();
  const warnOnce: SignupEngine['warnOnce'] = (key, ...warning) => {
    // Bounded: keys can come from visitors (each refused origin warns once), and memory must not grow with them.
    if (warned.has(key) || warned.size >= MAX_WARNINGS) return;
    warned.add(key);
    logger?.warn(...warning);
  };
  const definition = createFormDefinitionSource({
    settings: options, consent, client, retrying, budgetMs: options.retry.budgetMs, cacheMs: options.definitionCacheMs, clock, logger, warnOnce,
  });
  const queue = { queue: options.queue, delivery: options.queueDelivery, clock, logger };
  return {
    options,
    logger,
    cors: createOriginPolicy(options.allowedOrigins),
    limiter: options.ipLimiter ? failOpen(options.ipLimiter, logger) : options.rateLimit ? createIpRateLimiter(options.rateLimit, () => clock.now()) : undefined,
    definition,
    consent,
    emailRef,
    submit,
    enqueue: createSignupEnqueuer({ ...queue, addressBookId: options.addressBookId }),
    deliverQueued: createQueueDeliverer({ ...queue, budgetMs: options.retry.budgetMs, definition, submit, emailRef, drainLock: options.drainLock }),
    warnOnce,
  };
}
