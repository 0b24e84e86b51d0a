import integrity from 'virtual:dotdigital-signup/language-integrity';
import type { SignupMessages } from '../core/messages.js';
import { loadPinnedScript } from './load-pinned-script.js';

/**
 * The script tag's languages: each a small file beside `dotdigital-signup.js`
 * (`dotdigital-signup.de.js`, …), loaded with its integrity hash the first time a form asks
 * for it (loadSignupMessages keeps it), so the bundle every page loads carries English only.
 * Swapped in for `core/locales/language-loaders.ts` by the script-tag build (scripts/embed-languages.ts):
 * a single classic script cannot split out the core's dynamic imports.
 *
 * @example
 * const german = await LANGUAGE_LOADERS.de();
 */
export const LANGUAGE_LOADERS = Object.fromEntries(
  Object.keys(integrity).map((language) => [language, () => loadPinnedScript<SignupMessages>(`dotdigital-signup.${language}.js`, integrity[language as 'de'], (shelf) => shelf.languages?.[language])]),
) as Record<'de' | 'fr' | 'es' | 'nl', () => Promise<SignupMessages>>;
