import { consentVersion } from './consent-version.js';
import { createOriginPolicy, type OriginPolicy } from './cors.js';
import { createDefinitionCache } from './definition-cache.js';
import { definitionSnapshot, type DefinitionSnapshot } from './definition-snapshot.js';
import { createDotdigitalClient, type DotdigitalClient, type DotdigitalPreference } from './dotdigital/dotdigital-client.js';
import { createEmailRef } from './email-ref.js';
import { publicPreferences } from './public-preferences.js';
import { createIpRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { ResolvedOptions } from './resolve-options.js';
import type { SignupLogger } from './signup-handler-options.js';
import { createRetrying, type Retrying } from './with-retries.js';

// A definition this old is no longer served while refreshing: the caller waits for a fresh one.
const MAX_STALE_MS = 24 * 60 * 60 * 1000;

/** Everything one handler keeps between requests. */
export interface SignupEngine {
  options: ResolvedOptions;
  logger: SignupLogger | undefined;
  cors: OriginPolicy;
  /** Takes the visitor's address (see createIpRateLimiter). */
  limiter: RateLimiter | undefined;
  client: DotdigitalClient;
  retrying: Retrying;
  definition: { get(): Promise<DefinitionSnapshot>; invalidate(): void };
  consentVersion: Promise<string>;
  emailRef: (email: string) => Promise<string>;
  /** Logs a configuration warning once per handler, not once per request. */
  warnOnce(key: string, ...warning: Parameters<SignupLogger['warn']>): void;
}

/**
 * Builds a handler's long-lived parts from checked options: the Dotdigital client with
 * retries, the cached form definition, the origin policy and the rate limiter.
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
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const retrying = createRetrying(options.retry, clock);
  const version = consentVersion(options.consentText);
  let fieldsChecked = false;
  const warned = new Set<string>();
  const warnOnce: SignupEngine['warnOnce'] = (key, ...warning) => {
    if (warned.has(key)) return;
    warned.add(key);
    logger?.warn(...warning);
  };
  const definition = createDefinitionCache({
    async load() {
      const deadline = clock.now() + options.retry.budgetMs;
      if (!fieldsChecked && options.fields.length > 0) {
        fieldsChecked = true;
        checkDataFields(retrying(() => client.getDataFields(), deadline), options);
      }
      const tree = await retrying(() => client.getPreferences(), deadline);
      const hidden = notPublic(tree, options.preferences);
      if (hidden.length > 0) warnOnce('preferences', 'Some ids in `preferences` are not public preferences or categories in Dotdigital, so the form does not show them', { ids: hidden });
      return definitionSnapshot(tree, options, await version);
    },
    ttlMs: options.definitionCacheMs,
    maxStaleMs: MAX_STALE_MS,
    now: () => clock.now(),
    logger,
  });
  return {
    options,
    logger,
    cors: createOriginPolicy(options.allowedOrigins),
    limiter: options.rateLimit ? createIpRateLimiter(options.rateLimit, () => clock.now()) : undefined,
    client,
    retrying,
    definition,
    consentVersion: version,
    emailRef: createEmailRef(options.apiPassword),
    warnOnce,
  };
}

// Best effort, once: a configured field Dotdigital lacks would fail every signup that fills it in.
function checkDataFields(pending: Promise<Array<{ name: string; type: string }>>, options: ResolvedOptions): void {
  pending.then(
    (known) => {
      const types = new Map(known.map((field) => [field.name.toUpperCase(), field.type]));
      for (const field of options.fields) {
        const type = types.get(field.name);
        if (type === undefined) options.logger?.error(`Data field ${field.name} does not exist in Dotdigital: create it (Settings → Data fields) or remove it from \`fields\``);
        else if (type !== field.type) options.logger?.warn(`Data field ${field.name} is ${type} in Dotdigital but configured as ${field.type}: set its \`type\` to ${type}`);
      }
    },
    () => undefined,
  );
}

// The configured ids that name no public preference or category: a typo, or one made private since.
function notPublic(tree: DotdigitalPreference[], chosen: ReadonlySet<number> | undefined): number[] {
  if (!chosen) return [];
  const visible = new Set(publicPreferences(tree).flatMap((item) => [item.id, ...('preferences' in item ? item.preferences.map((p) => p.id) : [])]));
  return [...chosen].filter((id) => !visible.has(id));
}
