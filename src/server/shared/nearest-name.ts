/**
 * The known name nearest to a mistyped one, when it is near enough to be what was meant
 * (`allowedOrigin` → `allowedOrigins`, `SIGNUP_REDIS` → `SIGNUP_REDIS_URL`); `undefined` when
 * nothing is. `aliases` names what other tools call the same thing, too far for the distance.
 *
 * @example
 * nearestName('bulkTreshold', ['bulkThreshold', 'batchSize']); // 'bulkThreshold'
 */
export function nearestName(name: string, known: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (Object.hasOwn(aliases, name)) return aliases[name];
  // Near: the same name with a part added or dropped (`SIGNUP_REDIS`), first; else a few letters off.
  const extends_ = (candidate: string) => name.length >= 6 && (candidate.startsWith(name) || name.startsWith(candidate));
  const score = (candidate: string) => (extends_(candidate) ? 0 : distance(name, candidate));
  const near = known.filter((candidate) => extends_(candidate) || distance(name, candidate) <= Math.max(2, Math.floor(candidate.length / 3)));
  return near.sort((a, b) => score(a) - score(b))[0];
}

/**
 * Refuses keys of `object` not in `known`, naming the nearest known one, or listing them all:
 * a typo in an option would otherwise be ignored and quietly turn a setting off. `path` is
 * where the object sits (`queueDelivery.`), so the message names the key in full.
 *
 * @example
 * checkKeys({ bulkTreshold: 5 }, ['bulkThreshold'], fail, 'queueDelivery.');
 * // fail('`queueDelivery.bulkTreshold` is not an option — did you mean `queueDelivery.bulkThreshold`?')
 */
export function checkKeys(object: object, known: readonly string[], fail: (problem: string) => never, path = '', aliases: Readonly<Record<string, string>> = {}): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const nearest = nearestName(key, known, aliases);
    const hint = nearest !== undefined ? ` — did you mean \`${path}${nearest}\`?` : ` — the options are ${known.map((name) => `\`${path}${name}\``).join(', ')}`;
    fail(`\`${path}${key.slice(0, 60)}\` is not an option${hint}`);
  }
}

// Levenshtein distance, case-insensitive (`allowedorigins` is a typo too). Names are short, so
// the plain two-row table is plenty; a dependency would weigh more than these lines.
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
