/**
 * The `preferredLocale` values Dotdigital takes (v2's resubscribe schema lists them; its own
 * examples also write `en-GB`), compared case-insensitively. The mock refuses any other value
 * *(assumed: Dotdigital's enum binding refuses it too)*, so a caller that maps a form's
 * language wrongly finds out in its tests rather than in a visitor's inbox.
 */
export const MOCK_PREFERRED_LOCALES = [
  'cs-CS', 'da-DA', 'de-DE', 'el-EL', 'en-EN', 'en-GB', 'es-ES', 'es', 'fi-FI', 'fr-FR', 'hu-HU',
  'it-IT', 'nl-NL', 'nb-NO', 'pl-PL', 'pt-PT', 'ru-RU', 'se-SE', 'sk-SK', 'tr-TR', 'zh-CN',
] as const;

/**
 * A `preferredLocale` as Dotdigital spells it (`de-de` → `de-DE`), `undefined` when none was
 * sent, or `false` when it is not one Dotdigital takes.
 *
 * @example
 * readPreferredLocale('de-de'); // 'de-DE'
 * readPreferredLocale('de');    // false
 */
export function readPreferredLocale(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  return (typeof value === 'string' && MOCK_PREFERRED_LOCALES.find((locale) => locale.toLowerCase() === value.trim().toLowerCase())) || false;
}
