import { FORM_FIELD_TYPES, type FormField } from '../core/index.js';
import { checkOptionNames } from './check-option-names.js';
import { resolveLocaleSettings, type ConfiguredField, type LocaleSettings } from './definition/locale-settings.js';
import { resolveClientIp } from './http/client-ip-presets.js';
import { consoleLogger } from './shared/console-logger.js';
import { resolveQueueDelivery, type ResolvedQueueDelivery } from './queue/queue-delivery-options.js';
import type { SignupClock } from './shared/signup-clock.js';
import type { SignupLogger } from './shared/signup-logger.js';
import { createSignupMetrics, type SignupMetrics } from './shared/signup-metrics.js';
import type { SignupHandlerOptions } from './signup-handler-options.js';
import type { SignupQueue } from './queue/signup-queue.js';
import { createMemoryCallBudget } from './dotdigital/memory-call-budget.js';
import type { CallBudget } from './dotdigital/call-budget.js';
import { DEFAULT_ADDRESS_LIMIT, type AddressLimitOptions } from './http/address-limits.js';
import type { SharedRateLimiter } from './http/shared-rate-limiter.js';
import type { CounterStore } from './http/use-counter.js';
import type { DrainLock } from './queue/drain-lock.js';
import { createMemoryDrainLock } from './queue/memory-drain-lock.js';
import { resolveHumanCheck, type ResolvedHumanCheck } from './bots/human-check-options.js';
import type { UnverifiedFormPosts } from './bots/human-check.js';

/** {@link SignupHandlerOptions} checked, with every default filled in. */
export interface ResolvedOptions {
  apiUser: string;
  apiPassword: string;
  /** Undefined: the client discovers the account's region on its first call. */
  apiUrl: string | undefined;
  /** The consent statement, preference and field labels of each locale, and which locale a form gets. */
  locales: LocaleSettings;
  optInType: 'Single' | 'VerifiedDouble';
  addressBookId: number | undefined;
  allowedOrigins: Set<string>;
  preferences: Set<number> | undefined;
  /** The data fields, labelled in the default locale (each locale's are in `locales`). */
  fields: FormField[];
  trustedProxyHops: number;
  clientIpHeader: string | undefined;
  rateLimit: { max: number; windowMs: number } | false;
  addressLimit: AddressLimitOptions | false;
  humanCheck: ResolvedHumanCheck;
  unverifiedFormPosts: UnverifiedFormPosts;
  definitionCacheMs: number;
  retry: { budgetMs: number; baseDelayMs: number; maxDelayMs: number; attemptTimeoutMs: number };
  queue: SignupQueue | undefined;
  /** The shared per-IP limiter, when `stores` has one (it then replaces the in-process limit). */
  ipLimiter: SharedRateLimiter | undefined;
  budget: CallBudget;
  drainLock: DrainLock;
  /** Where per-address counts live, when `stores` has a shared place for them. */
  counters: CounterStore | undefined;
  queueDelivery: ResolvedQueueDelivery;
  fetch: typeof fetch | undefined;
  logger: SignupLogger | undefined;
  clock: SignupClock;
  metrics: SignupMetrics;
}

const REGIONS = { r1: 'https://r1-api.dotdigital.com', r2: 'https://r2-api.dotdigital.com', r3: 'https://r3-api.dotdigital.com' };
const realClock: SignupClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

function fail(problem: string): never {
  throw new TypeError(`createSignupHandler: ${problem} (see README, "Proxy options").`);
}

/**
 * Checks the caller's options once, at start-up, so a misconfigured proxy fails loudly
 * when it is created rather than quietly on a visitor's signup.
 *
 * @example
 * const resolved = resolveOptions({ apiUser, apiPassword, consentText });
 */
export function resolveOptions(options: SignupHandlerOptions): ResolvedOptions {
  if (typeof options === 'object' && options !== null) checkOptionNames(options, fail);
  const missing = (['apiUser', 'apiPassword', 'consentText'] as const).filter((key) => {
    const value: unknown = options?.[key];
    // A consent text per locale is an object; resolveLocaleSettings checks what it holds.
    return key === 'consentText' && typeof value === 'object' && value !== null ? false : typeof value !== 'string' || value.trim() === '';
  });
  if (missing.length > 0) {
    fail(
      `${missing.map((key) => `\`${key}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required — ` +
        'pass your Dotdigital API user, its password and the consent text shown to visitors',
    );
  }
  if (options.region !== undefined && !(options.region in REGIONS)) fail(`\`region\` must be 'r1', 'r2' or 'r3', not ${JSON.stringify(options.region)}`);
  const apiUrl = options.apiUrl?.trim() || (options.region ? REGIONS[options.region] : undefined);
  const optInType = options.optInType ?? 'Single';
  if (optInType !== 'Single' && optInType !== 'VerifiedDouble') fail(`\`optInType\` must be 'Single' or 'VerifiedDouble', not ${JSON.stringify(optInType)}`);
  if (options.addressBookId !== undefined && !(Number.isSafeInteger(options.addressBookId) && options.addressBookId > 0)) {
    fail('`addressBookId` must be the positive whole number of a Dotdigital address book');
  }
  const clientIp = resolveClientIp(options, fail);
  const rateLimit = options.rateLimit ?? { max: 10, windowMs: 60_000 };
  if (rateLimit !== false && !(rateLimit.max >= 1 && rateLimit.windowMs >= 1)) fail('`rateLimit` must be `false` or `{ max ≥ 1, windowMs ≥ 1 }`');
  const addressLimit = resolveAddressLimit(options.addressLimit);
  const humanCheck = resolveHumanCheck(options.humanCheck, fail);
  const unverifiedFormPosts = options.unverifiedFormPosts ?? { max: 20, windowMs: 3_600_000 };
  if (unverifiedFormPosts !== false && !(Number.isSafeInteger(unverifiedFormPosts.max) && unverifiedFormPosts.max >= 1 && unverifiedFormPosts.windowMs >= 1_000)) {
    fail('`unverifiedFormPosts` must be `false` or `{ max ≥ 1 (whole), windowMs ≥ 1000 }`');
  }
  const definitionCacheMs = options.definitionCacheMs ?? 60_000;
  if (!(definitionCacheMs >= 0)) fail('`definitionCacheMs` must be ≥ 0');
  const stores = options.stores ?? {};
  if (options.queue && stores.queue) fail('pass the queue once: either `queue` or `stores.queue`, not both');
  if (stores.ipLimiter && options.rateLimit) fail('`stores.ipLimiter` counts with its own limit: set it in createRedisStores({ rateLimit }) and leave out `rateLimit` (or set `rateLimit: false` to turn the limit off)');
  const clock = { ...realClock, ...options.clock };
  const locales = resolveLocaleSettings({ consentText: options.consentText, defaultLocale: options.defaultLocale, preferenceLabels: options.preferenceLabels, fields: resolveFields(options) }, fail);
  return {
    apiUser: options.apiUser,
    apiPassword: options.apiPassword,
    apiUrl,
    locales,
    optInType,
    addressBookId: options.addressBookId,
    allowedOrigins: new Set((options.allowedOrigins ?? []).map(normalizeOrigin)),
    preferences: options.preferences ? new Set(options.preferences) : undefined,
    fields: locales.all[0]!.fields,
    ...clientIp,
    rateLimit,
    addressLimit,
    humanCheck,
    unverifiedFormPosts,
    definitionCacheMs,
    retry: { budgetMs: 8_000, baseDelayMs: 200, maxDelayMs: 2_000, attemptTimeoutMs: 5_000, ...options.retry },
    queue: checkQueue(options.queue ?? stores.queue),
    ipLimiter: rateLimit === false ? undefined : stores.ipLimiter,
    budget: stores.budget ?? createMemoryCallBudget(),
    drainLock: stores.drainLock ?? createMemoryDrainLock(() => clock.now()),
    counters: stores.counters,
    queueDelivery: resolveQueueDelivery(options.queueDelivery, fail),
    fetch: options.fetch,
    logger: options.logger === false ? undefined : (options.logger ?? consoleLogger(console)),
    clock,
    metrics: createSignupMetrics(options.meterProvider),
  };
}

function resolveAddressLimit(value: SignupHandlerOptions['addressLimit']): AddressLimitOptions | false {
  if (value === false) return false;
  const limit = { ...DEFAULT_ADDRESS_LIMIT, ...value };
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 1;
  if (!whole(limit.writes) || !whole(limit.emails) || !(limit.windowMs >= 1_000)) {
    fail('`addressLimit` must be `false` or `{ writes ≥ 1, emails ≥ 1, windowMs ≥ 1000 }` (whole numbers of writes and emails)');
  }
  return limit;
}

function checkQueue(queue: SignupQueue | undefined): SignupQueue | undefined {
  const missing = (['add', 'claim', 'remove', 'reschedule'] as const).filter((name) => typeof queue?.[name] !== 'function');
  if (queue !== undefined && missing.length > 0) fail(`\`queue\` lacks ${missing.join(', ')}: pass createMemorySignupQueue(), createFileSignupQueue() or a SignupQueue of your own`);
  return queue;
}

/** `https://WWW.Example.com/` → `https://www.example.com`; anything but a bare origin is refused. */
function normalizeOrigin(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.origin === 'null' || `${url.origin}/` !== url.href.replace(/\/?$/, '/')) {
    fail(`\`allowedOrigins\` takes origins like 'https://www.example.com' (scheme, host and port only), not ${JSON.stringify(value)}`);
  }
  return url.origin;
}

function resolveFields(options: SignupHandlerOptions): ConfiguredField[] {
  const seen = new Set<string>();
  return (options.fields ?? []).map((field) => {
    const name = field?.name?.trim().toUpperCase() ?? '';
    if (!/^[A-Z0-9_]{1,20}$/.test(name)) fail(`field name ${JSON.stringify(field?.name)} is not a Dotdigital data-field name (A–Z, 0–9, _; at most 20)`);
    if (seen.has(name)) fail(`field ${name} is listed twice in \`fields\``);
    seen.add(name);
    const type = field.type ?? 'String';
    if (!(FORM_FIELD_TYPES as string[]).includes(type)) fail(`field ${name}: \`type\` must be ${FORM_FIELD_TYPES.join(', ').replace(/, (\w+)$/, ' or $1')}`);
    // One label per locale is an object: resolveLocaleSettings checks each text in it.
    if (typeof field.label !== 'object' && (typeof field.label !== 'string' || field.label.trim() === '')) fail(`field ${name} needs a \`label\` to show on the form`);
    return { name, label: field.label, type, required: field.required ?? false };
  });
}
