import { createConsentCatalog } from './definition/consent-catalog.js';
import { createFormDefinitionSource, type FormDefinitionSource } from './definition/form-definition-source.js';
import { createDotdigitalClient } from './dotdigital/dotdigital-client.js';
import { createRetrying } from './dotdigital/with-retries.js';
import { createOriginPolicy } from './http/cors.js';
import { createAddressLimits } from './http/address-limits.js';
import { createIpRateLimiter } from './http/rate-limiter.js';
import { failOpen } from './http/fail-open.js';
import { createMemoryCounters } from './http/use-counter.js';
import { createQueueDeliverer, type DeliverQueued } from './queue/deliver-queued.js';
import { createSignupEnqueuer } from './queue/enqueue-signup.js';
import { observeQueue } from './queue/observe-queue.js';
import { canCount } from './queue/queue-counts.js';
import type { ResolvedOptions } from './resolve-options.js';
import { createEmailRef } from './shared/email-ref.js';
import { createAnswerFloor } from './signup/answer-floor.js';
import type { LiveSignupDeps } from './signup/live-signup-deps.js';
import { createHumanCheck } from './bots/human-check.js';
import { createRefusalTally } from './bots/refusal-tally.js';

/**
 * How many distinct warnings of one class (the key up to its first `:`) a handler logs before that
 * class stops: visitors choose refused origins (`origin:…`), so those must not use up the allowance
 * of the proxy's own warnings (`ip`, `preferences`).
 */
const MAX_WARNINGS = 1_000;

/** Everything one handler keeps between requests: what a live signup needs, and the queue's delivery round. */
export interface SignupEngine extends LiveSignupDeps {
  options: ResolvedOptions;
  definition: FormDefinitionSource;
  deliverQueued: DeliverQueued;
}

/**
 * Puts a handler's long-lived parts together from checked options: the Dotdigital client with
 * retries, the cached form definition, the origin policy, the per-IP and per-address limits,
 * the human check, the answer floor and the queue.
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
    metrics: options.metrics,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const retrying = createRetrying(options.retry, clock);
  const consent = createConsentCatalog(options.locales);
  const emailRef = createEmailRef(options.apiPassword);
  const warned = new Map<string, Set<string>>();
  const warnOnce: SignupEngine['warnOnce'] = (key, ...warning) => {
    // Bounded per class: keys can come from visitors (each refused origin warns once), and memory must not grow with them.
    const kind = key.split(':', 1)[0]!;
    const seen = warned.get(kind) ?? new Set<string>();
    warned.set(kind, seen);
    if (seen.has(key) || seen.size >= MAX_WARNINGS) return;
    seen.add(key);
    logger?.warn(...warning);
  };
  const counters = options.counters ?? createMemoryCounters({ now: () => clock.now() });
  const tally = createRefusalTally(logger);
  const limits = createAddressLimits(options.addressLimit, counters, emailRef, logger, () => clock.now(), () => tally.count('address_limit'));
  const humanCheck = createHumanCheck(options.humanCheck, {
    site: options, counters, unverifiedFormPosts: options.unverifiedFormPosts, tally, logger, now: () => clock.now(),
  });
  const definition = createFormDefinitionSource({
    settings: options, consent, client, retrying, budgetMs: options.retry.budgetMs, cacheMs: options.definitionCacheMs, clock, logger, warnOnce,
  });
  const submit = { client, retrying, logger, limits };
  const queue = { queue: options.queue, delivery: options.queueDelivery, clock, logger, metrics: options.metrics };
  if (options.queue && canCount(options.queue)) observeQueue(options.metrics.meter, options.queue, () => clock.now());
  return {
    options,
    logger,
    cors: createOriginPolicy(options.allowedOrigins),
    limiter: options.ipLimiter ? failOpen(options.ipLimiter, logger) : options.rateLimit ? createIpRateLimiter(options.rateLimit, () => clock.now()) : undefined,
    limits,
    humanCheck,
    // The slowest pending work: read the contact, write it (and add it to the address book).
    floor: createAnswerFloor({ clock, slowestCalls: options.addressBookId === undefined ? 2 : 3, capMs: options.retry.budgetMs }),
    definition,
    consent,
    emailRef,
    submit,
    metrics: options.metrics,
    enqueue: createSignupEnqueuer({ ...queue, addressBookId: options.addressBookId }),
    deliverQueued: createQueueDeliverer({ ...queue, budgetMs: options.retry.budgetMs, definition, submit, emailRef, drainLock: options.drainLock }),
    warnOnce,
  };
}
