import { nearestName } from '../shared/nearest-name.js';
import type { Env } from './env-values.js';

/**
 * Every environment variable `serve`, `worker`, `mock` and the demo read, as README's
 * "Proxy options" lists them. A test holds every such name written anywhere in the source to
 * this list, so a message can only ever name a variable that is read.
 */
export const ENV_VARIABLES = [
  'DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_REGION', 'DOTDIGITAL_API_URL', 'DOTDIGITAL_MOCK_PORT',
  'SIGNUP_CONSENT_TEXT', 'SIGNUP_OPT_IN_TYPE', 'SIGNUP_ALLOWED_ORIGINS', 'SIGNUP_ADDRESS_BOOK_ID', 'SIGNUP_PREFERENCES', 'SIGNUP_FIELDS',
  'SIGNUP_CLIENT_IP', 'SIGNUP_TRUSTED_PROXY_HOPS', 'SIGNUP_CLIENT_IP_HEADER', 'SIGNUP_RATE_LIMIT', 'SIGNUP_DEFINITION_CACHE_SECONDS',
  'SIGNUP_REDIS_URL', 'SIGNUP_QUEUE_FILE', 'SIGNUP_QUEUE_MAX_ENTRIES', 'SIGNUP_QUEUE_MAX_AGE_HOURS', 'SIGNUP_QUEUE_INTERVAL_SECONDS',
  'SIGNUP_QUEUE_LEASE_SECONDS', 'SIGNUP_DEFAULT_LOCALE', 'SIGNUP_ADDRESS_WRITES_PER_DAY', 'SIGNUP_ADDRESS_EMAILS_PER_DAY', 'SIGNUP_REDIS_MALFORMED_DAYS',
  'SIGNUP_DEAD_LETTER_DAYS', 'SIGNUP_BACKLOG_WARN_MINUTES', 'SIGNUP_METRICS_PORT',
  'SIGNUP_HUMAN_CHECK', 'SIGNUP_HUMAN_CHECK_SITE_KEY', 'SIGNUP_HUMAN_CHECK_SECRET', 'SIGNUP_UNVERIFIED_FORM_POSTS',
] as const;

/**
 * The variables read one per locale: the prefix, then a language tag (`SIGNUP_CONSENT_TEXT_DE`,
 * `SIGNUP_PREFERENCE_LABELS_DE_AT`), see locale-options-from-env.ts.
 */
export const ENV_VARIABLE_FAMILIES = ['SIGNUP_CONSENT_TEXT_', 'SIGNUP_PREFERENCE_LABELS_'] as const;

/**
 * One warning for each `SIGNUP_*` or `DOTDIGITAL_*` variable set that nothing reads, naming the
 * nearest one that is read: `SIGNUP_REDIS` would otherwise start a proxy with no queue, quietly.
 *
 * @example
 * unknownEnvVariables({ SIGNUP_REDIS: 'redis://cache:6379' });
 * // ['SIGNUP_REDIS is not a variable dotdigital-signup reads — did you mean SIGNUP_REDIS_URL? …']
 */
export function unknownEnvVariables(env: Env): string[] {
  const known: readonly string[] = ENV_VARIABLES;
  return Object.keys(env)
    .filter((name) => /^(SIGNUP|DOTDIGITAL)_/.test(name) && !known.includes(name) && !ENV_VARIABLE_FAMILIES.some((prefix) => name.startsWith(prefix)))
    .map((name) => {
      const nearest = nearestName(name, known);
      return `${name.slice(0, 60)} is not a variable dotdigital-signup reads${nearest ? ` — did you mean ${nearest}?` : ''} It is ignored (README, "Proxy options", lists them).`;
    });
}
