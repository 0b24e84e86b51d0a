import type { FormField } from '../core/index.js';
import type { RateLimit } from './rate-limiter.js';
import { systemClock, type SignupClock } from './signup-clock.js';
import type { SignupHandlerOptions, SignupLogger } from './signup-handler-options.js';
import type { RetryPolicy } from './with-retry.js';

/** The options with every default filled in, checked once at start-up. */
export interface ResolvedOptions {
  apiUser: string;
  apiPassword: string;
  apiUrl: string;
  consentText: string;
  optInType: 'Single' | 'VerifiedDouble';
  addressBookId: number | undefined;
  allowedOrigins: readonly string[];
  preferences: ReadonlySet<number> | undefined;
  fields: FormField[];
  trustedProxyHops: number;
  clientIpHeader: string;
  rateLimit: RateLimit | false;
  definitionTtlMs: number;
  retry: RetryPolicy;
  fetch: typeof fetch | undefined;
  logger: SignupLogger;
  clock: SignupClock;
}

const silent: SignupLogger = { info() {}, warn() {}, error() {} };
const FIELD_TYPES = ['String', 'Numeric', 'Date', 'Boolean'];

/**
 * Checks the options and fills in defaults, throwing a `TypeError` that says how to fix
 * the first mistake (a proxy that starts misconfigured fails every visitor later).
 *
 * @example
 * const resolved = resolveOptions({ apiUser, apiPassword, consentText });
 */
export function resolveOptions(options: SignupHandlerOptions): ResolvedOptions {
  const fail = (what: string): never => {
    throw new TypeError(`createSignupHandler: ${what} (see README, "Proxy options").`);
  };
  const missing = (['apiUser', 'apiPassword', 'consentText'] as const).filter((key) => typeof options?.[key] !== 'string' || options[key].trim() === '');
  if (missing.length > 0) {
    fail(`${missing.map((key) => `\`${key}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required — pass your Dotdigital API user, its password and the consent text shown to visitors`);
  }
  const optInType = options.optInType ?? 'Single';
  if (optInType !== 'Single' && optInType !== 'VerifiedDouble') fail(`\`optInType\` must be 'Single' or 'VerifiedDouble', not ${JSON.stringify(optInType)}`);
  if (options.apiUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.apiUrl)) fail(`\`apiUrl\` must be a base URL like https://r1-api.dotdigital.com, not ${JSON.stringify(options.apiUrl)}`);
  const addressBookId = options.addressBookId;
  if (addressBookId !== undefined && !(Number.isInteger(addressBookId) && addressBookId > 0)) fail('`addressBookId` must be a positive whole number (Dotdigital → Contacts → Lists, the list id)');
  for (const origin of options.allowedOrigins ?? []) {
    if (typeof origin !== 'string' || !URL.canParse(origin) || new URL(origin).origin !== origin) {
      fail(`\`allowedOrigins\` entries must be exact origins like https://www.example.com (scheme, host and port only, no path or trailing slash), not ${JSON.stringify(origin)}`);
    }
  }
  const fields = (options.fields ?? []).map((field): FormField => {
    if (!field || typeof field.name !== 'string' || !/^[A-Za-z0-9_]{1,20}$/.test(field.name)) {
      fail(`each of \`fields\` needs a Dotdigital data-field \`name\` of at most 20 letters, digits or underscores, not ${JSON.stringify(field?.name)}`);
    }
    if (typeof field.label !== 'string' || field.label.trim() === '') fail(`field ${field.name} needs a \`label\` to show on the form`);
    if (field.type !== undefined && !FIELD_TYPES.includes(field.type)) fail(`field ${field.name}: \`type\` must be one of ${FIELD_TYPES.join(', ')}`);
    return { name: field.name, label: field.label, type: field.type ?? 'String', required: field.required ?? false };
  });
  const hops = options.trustedProxyHops ?? 0;
  if (!Number.isInteger(hops) || hops < 0) fail('`trustedProxyHops` must be a whole number of proxies (0 when clients connect directly)');
  const rateLimit = options.rateLimit ?? { limit: 10, windowMs: 60_000 };
  if (rateLimit !== false && !(rateLimit.limit > 0 && rateLimit.windowMs > 0)) fail('`rateLimit` must be false or { limit, windowMs } with both above 0');
  const cacheSeconds = options.definitionCacheSeconds ?? 300;
  if (!(cacheSeconds >= 0)) fail('`definitionCacheSeconds` must be 0 or more');
  return {
    apiUser: options.apiUser,
    apiPassword: options.apiPassword,
    apiUrl: (options.apiUrl ?? 'https://r1-api.dotdigital.com').replace(/\/+$/, ''),
    consentText: options.consentText,
    optInType,
    addressBookId,
    allowedOrigins: [...(options.allowedOrigins ?? [])],
    preferences: options.preferences ? new Set(options.preferences) : undefined,
    fields,
    trustedProxyHops: hops,
    clientIpHeader: options.clientIpHeader ?? 'x-forwarded-for',
    rateLimit,
    definitionTtlMs: cacheSeconds * 1000,
    retry: { budgetMs: 10_000, baseDelayMs: 250, maxDelayMs: 2_000, ...options.retry },
    fetch: options.fetch,
    logger: options.logger ?? silent,
    clock: options.clock ?? systemClock,
  };
}
