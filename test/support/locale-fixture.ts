import type { SignupHandlerOptions } from '../../src/server/index.js';
import { ENDPOINT, SITE } from './proxy-fixture.js';

/** The consent statement in three languages, as a multilingual site configures it. */
export const CONSENT = {
  en: 'Yes, send me the Northwind newsletter. I can unsubscribe at any time.',
  de: 'Ja, senden Sie mir den Northwind-Newsletter. Ich kann ihn jederzeit abbestellen.',
  fr: 'Oui, envoyez-moi la lettre d’information Northwind. Je peux me désabonner à tout moment.',
};

/** Per-locale settings over the mock's demo account (category 1 holds 2 and 3; 5 stands alone). */
export const LOCALE_OPTIONS: Partial<SignupHandlerOptions> = {
  consentText: CONSENT,
  // 3 ("Product updates") is left untranslated in German: it shows Dotdigital's name.
  preferenceLabels: { de: { 1: 'Newsletter', 2: 'Wöchentlicher Newsletter', 5: 'Veranstaltungen in Ihrer Nähe' }, fr: { 2: 'Lettre hebdomadaire' } },
  fields: [{ name: 'FIRSTNAME', label: { en: 'First name', de: 'Vorname', fr: 'Prénom' } }],
};

/** `GET {endpoint}?locale=…` (no parameter for `undefined`). */
export const getIn = (locale: string | undefined, headers: Record<string, string> = {}) =>
  new Request(locale === undefined ? ENDPOINT : `${ENDPOINT}?locale=${encodeURIComponent(locale)}`, { headers });

type Handler = (request: Request) => Promise<Response>;

/** The consent block a form in `locale` sends, with the form's own locale in it (as the widget does). */
export async function consentIn(handler: Handler, locale: string | undefined, posted: string | undefined = locale) {
  const definition = (await (await handler(getIn(locale))).json()) as { consent: { text: string; version: string } };
  return { ...definition.consent, ...(posted ? { locale: posted } : {}), consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup` };
}
