import type { SignupMessages } from '../core/messages.js';

/** Set by the script-tag build: each language file's name and Subresource Integrity hash. */
declare const __DOTDIGITAL_SIGNUP_LANGUAGES__: Record<'de' | 'fr' | 'es' | 'nl', { file: string; integrity: string }>;

/** What a language file adds to `window.DotdigitalSignup` when it runs. */
type LanguageShelf = { languages?: Record<string, SignupMessages> };

// Where this script came from, read while it runs (later, document.currentScript is another
// script or null): its language files sit beside it, fetched the way it was (crossorigin).
const script = typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);

function loadLanguage(language: keyof typeof __DOTDIGITAL_SIGNUP_LANGUAGES__): Promise<SignupMessages> {
  const { file, integrity } = __DOTDIGITAL_SIGNUP_LANGUAGES__[language];
  const shelf = () => (window as unknown as { DotdigitalSignup?: LanguageShelf }).DotdigitalSignup?.languages?.[language];
  return new Promise((resolve, reject) => {
    const ready = shelf();
    if (ready) return resolve(ready);
    if (!script?.src) return reject(new Error(`no script URL to load ${file} from`));
    const element = document.createElement('script');
    element.src = new URL(file, script.src).href;
    // Pinned like the script tag itself: a changed file on a CDN is refused, not run.
    element.integrity = integrity;
    if (script.crossOrigin !== null) element.crossOrigin = script.crossOrigin;
    element.onload = () => (shelf() ? resolve(shelf()!) : reject(new Error(`${file} did not register its messages`)));
    element.onerror = () => reject(new Error(`${element.src} could not be loaded; host it beside dotdigital-signup.js (see README, "Script tag")`));
    document.head.append(element);
  });
}

/**
 * The script tag's languages: each a small file beside `dotdigital-signup.js`
 * (`dotdigital-signup.de.js`, …), loaded with its integrity hash the first time a form asks
 * for it, so the bundle every page loads carries English only. Swapped in for
 * `core/locales/language-loaders.ts` by the script-tag build (vite.config.ts).
 *
 * @example
 * const german = await LANGUAGE_LOADERS.de();
 */
export const LANGUAGE_LOADERS: Record<'de' | 'fr' | 'es' | 'nl', () => Promise<SignupMessages>> = {
  de: () => loadLanguage('de'),
  fr: () => loadLanguage('fr'),
  es: () => loadLanguage('es'),
  nl: () => loadLanguage('nl'),
};
