import { englishMessages, type SignupMessages } from '../messages.js';
import { LANGUAGE_LOADERS } from './language-loaders.js';

/** The languages with built-in messages. English is always bundled; the others load on demand. */
export const SIGNUP_LOCALES = ['en', 'de', 'fr', 'es', 'nl'] as const;

/** One of {@link SIGNUP_LOCALES}. */
export type SignupLocale = (typeof SIGNUP_LOCALES)[number];

const loaded = new Map<SignupLocale, SignupMessages>([['en', englishMessages]]);

/**
 * The built-in locale for a language tag: `de-AT` → `de`; `undefined` when there is none.
 *
 * @example
 * matchSignupLocale('fr-CA'); // 'fr'
 * matchSignupLocale('it');    // undefined
 */
export function matchSignupLocale(tag: string | undefined): SignupLocale | undefined {
  const language = (tag ?? 'en').trim().toLowerCase().split(/[-_]/)[0];
  return (SIGNUP_LOCALES as readonly string[]).includes(language ?? '') ? (language as SignupLocale) : undefined;
}

/**
 * The messages of `locale` if they are already loaded (English always is), else `undefined`.
 * Lets a form render at once, on the server too, after {@link loadSignupMessages} ran.
 *
 * @example
 * loadedSignupMessages('en')?.submit; // 'Subscribe'
 */
export function loadedSignupMessages(locale: SignupLocale): SignupMessages | undefined {
  return loaded.get(locale);
}

/**
 * Loads the built-in messages of a language (`'de'`, `'fr-CA'`…). Unknown languages, and a
 * chunk that fails to download, give English: a form in the wrong language beats no form.
 * Await it before server rendering to render that language on the server.
 *
 * @example
 * const messages = await loadSignupMessages('nl');
 * messages.submit; // 'Inschrijven'
 */
export async function loadSignupMessages(tag: string): Promise<SignupMessages> {
  const locale = matchSignupLocale(tag) ?? 'en';
  const ready = loaded.get(locale);
  if (ready) return ready;
  try {
    const messages = await LANGUAGE_LOADERS[locale as Exclude<SignupLocale, 'en'>]();
    loaded.set(locale, messages);
    return messages;
  } catch (cause) {
    console.warn(`dotdigital-signup: could not load the "${locale}" messages (${String(cause)}); showing English.`);
    return englishMessages;
  }
}
