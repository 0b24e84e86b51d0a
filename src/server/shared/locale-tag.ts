// Language tags as the proxy compares them: one spelling per language (`de-at`, `de_AT` and
// `de-AT` are one locale), and one fallback rule, used by the per-locale settings, the form
// definition a locale gets, and the locale a confirmation email is asked for in.

/** The longest tag taken: BCP 47 allows longer, no form needs it, and a visitor sends this. */
const MAX_TAG_LENGTH = 35;

/**
 * The canonical spelling of a BCP 47 language tag (`de_at` → `de-AT`, `EN` → `en`), or
 * `undefined` when it is not one. The language must be an ISO 639 code (two or three letters):
 * BCP 47's longer ones are reserved and unused, and `English` or `german` is a mistake to name.
 *
 * @example
 * canonicalLocale('de_at'); // 'de-AT'
 * canonicalLocale('x');     // undefined
 */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim().replaceAll('_', '-');
  if (!trimmed || trimmed.length > MAX_TAG_LENGTH || !/^[a-z]{2,3}(-|$)/i.test(trimmed)) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/**
 * A canonical tag and the tags it falls back to, most specific first: subtags are dropped from
 * the right (`zh-Hant-TW` → `zh-Hant` → `zh`). The proxy's default locale comes after these,
 * and is not in the list.
 *
 * @example
 * localeChain('de-AT'); // ['de-AT', 'de']
 */
export function localeChain(tag: string): string[] {
  const parts = tag.split('-');
  const chain: string[] = [];
  for (let length = parts.length; length >= 1; length -= 1) {
    // A lone one-letter subtag opens an extension (`-u-…`, `-x-…`): it means nothing alone.
    if (length > 1 && parts[length - 1]!.length === 1) continue;
    chain.push(parts.slice(0, length).join('-'));
  }
  return chain;
}
