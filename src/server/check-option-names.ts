import { checkKeys } from './shared/nearest-name.js';
import type { AllowedField, SignupHandlerOptions, UpstreamRetryOptions } from './signup-handler-options.js';
import type { QueueDeliveryOptions } from './queue/queue-delivery-options.js';
import type { AddressLimitOptions } from './http/address-limits.js';
import type { ProofOfWorkCheck, VendorCheck } from './bots/human-check-options.js';

/** Every key of {@link SignupHandlerOptions}; the type below fails to compile when one is added there but not here. */
const SIGNUP_HANDLER_OPTION_NAMES = [
  'apiUser', 'apiPassword', 'region', 'apiUrl', 'consentText', 'defaultLocale', 'preferenceLabels', 'optInType', 'addressBookId', 'allowedOrigins', 'preferences',
  'fields', 'clientIp', 'trustedProxyHops', 'clientIpHeader', 'rateLimit', 'addressLimit', 'humanCheck', 'unverifiedFormPosts', 'definitionCacheMs', 'retry', 'queue', 'queueDelivery',
  'stores', 'fetch', 'logger', 'meterProvider', 'clock',
] as const satisfies ReadonlyArray<keyof SignupHandlerOptions>;
type Unlisted = Exclude<keyof SignupHandlerOptions, (typeof SIGNUP_HANDLER_OPTION_NAMES)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

// Names other tools use for the same thing, too far from ours for the distance to find.
const ALIASES: Record<string, (typeof SIGNUP_HANDLER_OPTION_NAMES)[number]> = {
  trustProxy: 'clientIp', ipHeader: 'clientIp', cors: 'allowedOrigins', origins: 'allowedOrigins', origin: 'allowedOrigins',
  user: 'apiUser', username: 'apiUser', password: 'apiPassword',
};

/** Every key of `T`, listed: `keysOf<T>()([...])` does not compile while one is missing or unknown. */
const keysOf = <T>() => <const K extends ReadonlyArray<keyof T>>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)) => keys as readonly string[];

// The keys of the options that are objects themselves: a typo inside one (`queueDelivery.bulkTreshold`) is as quiet as one at the top.
const NESTED: Record<string, readonly string[]> = {
  retry: keysOf<UpstreamRetryOptions>()(['budgetMs', 'baseDelayMs', 'maxDelayMs', 'attemptTimeoutMs']),
  queueDelivery: keysOf<QueueDeliveryOptions>()(['maxAgeMs', 'deadLetterRetentionMs', 'backlogWarnMs', 'baseDelayMs', 'maxDelayMs', 'leaseMs', 'batchSize', 'bulkThreshold', 'importBatchSize', 'importPollMs', 'importWaitMs', 'doubleOptInImports']),
  rateLimit: ['max', 'windowMs'],
  addressLimit: keysOf<AddressLimitOptions>()(['writes', 'emails', 'windowMs']),
  clientIp: ['trustedProxyHops', 'header'],
  humanCheck: keysOf<Record<keyof ProofOfWorkCheck | keyof VendorCheck, unknown>>()(['kind', 'cost', 'maxCounter', 'expiresMs', 'siteKey', 'secret', 'minScore', 'hostnames', 'verifyUrl', 'timeoutMs']),
  unverifiedFormPosts: ['max', 'windowMs'],
};
const FIELD_KEYS = keysOf<AllowedField>()(['name', 'label', 'type', 'required']);

/**
 * Refuses option keys the handler does not know, at the top and inside the options that are
 * objects (`retry`, `queueDelivery`, `rateLimit`, `addressLimit`, `clientIp`, `humanCheck`, `unverifiedFormPosts`, each of `fields`; not `stores`,
 * which `createRedisStores` makes and checks, nor a test's `clock`, which may carry its own state), naming the nearest known one: a typo such as `allowedOrigin` would otherwise be
 * ignored, and a proxy meant to be locked to one site would take signups from anywhere.
 *
 * @example
 * checkOptionNames({ allowedOrigin: ['https://www.example.com'] }, fail);
 * // fail('`allowedOrigin` is not an option — did you mean `allowedOrigins`?')
 */
export function checkOptionNames(options: object, fail: (problem: string) => never): void {
  checkKeys(options, SIGNUP_HANDLER_OPTION_NAMES, fail, '', ALIASES);
  const values = options as Record<string, unknown>;
  for (const [name, keys] of Object.entries(NESTED)) {
    const value = values[name];
    if (isPlainObject(value)) checkKeys(value, keys, fail, `${name}.`);
  }
  if (Array.isArray(values.fields)) {
    values.fields.forEach((field, index) => isPlainObject(field) && checkKeys(field, FIELD_KEYS, fail, `fields[${index}].`));
  }
}

// Only literal option objects: a store or queue made by a class carries methods of its own.
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
