import integrity from 'virtual:dotdigital-signup/language-integrity';
import type { SignupMessages } from '../core/messages.js';

// Where this script came from, read while it runs (later, document.currentScript is another
// script or null): its language files sit beside it, fetched the way it was (crossorigin).
const script = document.currentScript as HTMLScriptElement | null;

function loadLanguage(language: 'de' | 'fr' | 'es' | 'nl'): Promise<SignupMessages> {
  const shelf = () => (window as { DotdigitalSignup?: { languages?: Record<string, SignupMessages> } }).DotdigitalSignup?.languages?.[language];
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = new URL(`dotdigital-signup.${language}.js`, script?.src).href;
    // Pinned like the script tag itself: a changed file on a CDN is refused, not run.
    element.integrity = integrity[language];
    if (script?.crossOrigin != null) element.crossOrigin = script.crossOrigin;
    // loadSignupMessages says so in the console and shows English.
    const fail = () => reject(new Error(`${element.src} did not load: host the language files beside dotdigital-signup.js`));
    element.onload = () => (shelf() ? resolve(shelf()!) : fail());
    element.onerror = fail;
    document.head.append(element);
  });
}

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
  Object.keys(integrity).map((language) => [language, () => loadLanguage(language as 'de')]),
) as Record<'de' | 'fr' | 'es' | 'nl', () => Promise<SignupMessages>>;
