import { canonicalLocale } from '../shared/locale-tag.js';

/**
 * The values Dotdigital takes as `preferredLocale` (v2's resubscribe schema lists them; its own
 * examples also write `en-GB`). Not BCP 47 throughout: Swedish is `se-SE`, Czech `cs-CS`.
 */
export const DOTDIGITAL_LOCALES = [
  'cs-CS', 'da-DA', 'de-DE', 'el-EL', 'en-EN', 'en-GB', 'es-ES', 'es', 'fi-FI', 'fr-FR', 'hu-HU',
  'it-IT', 'nl-NL', 'nb-NO', 'pl-PL', 'pt-PT', 'ru-RU', 'se-SE', 'sk-SK', 'tr-TR', 'zh-CN',
] as const;

/** One of {@link DOTDIGITAL_LOCALES}. */
export type DotdigitalLocale = (typeof DOTDIGITAL_LOCALES)[number];

// By language, where the tag itself is not one of Dotdigital's: its one locale for that language.
// English is en-GB, as Dotdigital's own examples write it (its schema's en-EN names no country);
// Norwegian in any written form is nb-NO; Swedish is Dotdigital's se-SE.
const BY_LANGUAGE: Record<string, DotdigitalLocale> = {
  cs: 'cs-CS', da: 'da-DA', de: 'de-DE', el: 'el-EL', en: 'en-GB', es: 'es', fi: 'fi-FI', fr: 'fr-FR', hu: 'hu-HU', it: 'it-IT',
  nl: 'nl-NL', nb: 'nb-NO', no: 'nb-NO', nn: 'nb-NO', pl: 'pl-PL', pt: 'pt-PT', ru: 'ru-RU', sv: 'se-SE', sk: 'sk-SK', tr: 'tr-TR',
};

/**
 * The `preferredLocale` to ask Dotdigital for, so the confirmation or resubscribe email goes
 * out in the form's language: the tag itself when Dotdigital lists it (`es-ES`), else its
 * language's (`de-AT` → `de-DE`, `es-MX` → `es`); `undefined` for a language Dotdigital has
 * none for (then it uses the account's). Chinese is `zh-CN` only in simplified script: a form
 * in traditional Chinese gets none rather than the wrong script.
 *
 * @example
 * dotdigitalLocale('de-AT'); // 'de-DE'
 * dotdigitalLocale('ar');    // undefined
 */
export function dotdigitalLocale(tag: string | undefined): DotdigitalLocale | undefined {
  const canonical = canonicalLocale(tag);
  if (!canonical) return undefined;
  const listed = DOTDIGITAL_LOCALES.find((value) => value.toLowerCase() === canonical.toLowerCase());
  if (listed) return listed;
  const [language, ...rest] = canonical.toLowerCase().split('-');
  if (language === 'zh') return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? undefined : 'zh-CN';
  return BY_LANGUAGE[language!];
}
