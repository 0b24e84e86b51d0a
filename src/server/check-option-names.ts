import type { SignupHandlerOptions } from './signup-handler-options.js';

/** Every key of {@link SignupHandlerOptions}; the type below fails to compile when one is added there but not here. */
const SIGNUP_HANDLER_OPTION_NAMES = [
  'apiUser', 'apiPassword', 'region', 'apiUrl', 'consentText', 'defaultLocale', 'preferenceLabels', 'optInType', 'addressBookId', 'allowedOrigins', 'preferences',
  'fields', 'clientIp', 'trustedProxyHops', 'clientIpHeader', 'rateLimit', 'definitionCacheMs', 'retry', 'queue', 'queueDelivery',
  'stores', 'fetch', 'logger', 'clock',
] as const satisfies ReadonlyArray<keyof SignupHandlerOptions>;
type Unlisted = Exclude<keyof SignupHandlerOptions, (typeof SIGNUP_HANDLER_OPTION_NAMES)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

// Names other tools use for the same thing, too far from ours for the distance to find.
const ALIASES: Record<string, (typeof SIGNUP_HANDLER_OPTION_NAMES)[number]> = {
  trustProxy: 'clientIp', ipHeader: 'clientIp', cors: 'allowedOrigins', origins: 'allowedOrigins', origin: 'allowedOrigins',
  user: 'apiUser', username: 'apiUser', password: 'apiPassword',
};

/**
 * Refuses option keys the handler does not know, naming the nearest known one: a typo such as
 * `allowedOrigin` would otherwise be ignored, and a proxy meant to be locked to one site would
 * take signups from anywhere.
 *
 * @example
 * checkOptionNames({ allowedOrigin: ['https://www.example.com'] }, fail);
 * // fail('`allowedOrigin` is not an option — did you mean `allowedOrigins`?')
 */
export function checkOptionNames(options: object, fail: (problem: string) => never): void {
  const known: readonly string[] = SIGNUP_HANDLER_OPTION_NAMES;
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const nearest = (Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined) ?? [...known].sort((a, b) => distance(key, a) - distance(key, b))[0]!;
    const hint = Object.hasOwn(ALIASES, key) || distance(key, nearest) <= Math.max(2, Math.floor(nearest.length / 3)) ? ` — did you mean \`${nearest}\`?` : ` — the options are ${known.map((name) => `\`${name}\``).join(', ')}`;
    fail(`\`${key.slice(0, 60)}\` is not an option${hint}`);
  }
}

// Levenshtein distance, case-insensitive (`allowedorigins` is a typo too). Option names are short,
// so the plain two-row table is plenty; a dependency would weigh more than these lines.
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}
