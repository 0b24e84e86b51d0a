import { canonicalLocale } from '../shared/locale-tag.js';
import { consentVersion } from './consent-version.js';
import type { LocaleSettings } from './locale-settings.js';

/** A consent statement as one configured locale's form shows it. */
export interface LocalizedConsent {
  text: string;
  version: string;
}

/** What a visitor posted about the consent they gave. */
export interface PostedConsent {
  text: string;
  version: string;
  /** The form's language, when it said. */
  locale?: string | undefined;
}

/** The statement a visitor saw, and the language to write to them in (`undefined`: the account's). */
export interface SeenConsent {
  text: string;
  locale: string | undefined;
}

/** The consent statements of every configured locale, with their versions. */
export interface ConsentCatalog {
  /** The statement a form in `locale` shows (LocaleSettings.resolve picks the configured locale). */
  forLocale(locale: string): Promise<LocalizedConsent>;
  /**
   * The statement the visitor saw, when it is one of the configured ones: the text and version
   * they posted must be one locale's. Their form's locale first (then they are written to in
   * that locale: `de-AT`, say); else any configured locale whose statement it is, since the
   * visitor did read that (then in the locale the text was configured under, or the account's
   * language for a `consentText` that is one string for all). `undefined`: none matches, which
   * is `409 consent_mismatch`.
   */
  match(posted: PostedConsent): Promise<SeenConsent | undefined>;
}

/**
 * The consent statements, hashed once (at start, not per signup): the one place a posted
 * consent is held against the configured ones, live, cold-start queued and without JavaScript alike.
 *
 * @example
 * const consent = createConsentCatalog(locales);
 * const saw = await consent.match(signup.consent); // { text: 'Ja, …', locale: 'de' } or undefined
 */
export function createConsentCatalog(locales: LocaleSettings): ConsentCatalog {
  const all = Promise.all(locales.all.map(async (settings) => ({ ...settings, version: await consentVersion(settings.consentText) })));
  const byLocale = all.then((entries) => new Map(entries.map((entry) => [entry.locale, entry])));
  const find = async (locale: string) => (await byLocale).get(locales.resolve(locale).locale)!;
  return {
    async forLocale(locale) {
      const { consentText: text, version } = await find(locale);
      return { text, version };
    },
    async match(posted) {
      const same = (entry: { consentText: string; version: string }) => entry.consentText === posted.text && entry.version === posted.version;
      const asked = canonicalLocale(posted.locale);
      if (asked && same(await find(asked))) return { text: posted.text, locale: asked };
      const other = (await all).find(same);
      return other && { text: other.consentText, locale: other.consentLocale };
    },
  };
}
