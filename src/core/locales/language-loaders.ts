import type { SignupMessages } from '../messages.js';

// One dynamic import per language, so a bundler splits each into its own small chunk and a
// site in English never downloads German. The script tag swaps this module for one that loads
// its own language files (src/embed/script-language-loaders.ts).

/**
 * How each built-in language other than English is loaded.
 *
 * @example
 * const german = await LANGUAGE_LOADERS.de();
 */
export const LANGUAGE_LOADERS: Record<'de' | 'fr' | 'es' | 'nl', () => Promise<SignupMessages>> = {
  de: () => import('./de.js').then((m) => m.germanMessages),
  fr: () => import('./fr.js').then((m) => m.frenchMessages),
  es: () => import('./es.js').then((m) => m.spanishMessages),
  nl: () => import('./nl.js').then((m) => m.dutchMessages),
};
