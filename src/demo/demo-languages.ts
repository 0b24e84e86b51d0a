import { DEFAULT_CONSENT_TEXT } from '../server/node/index.js';
import type { Env } from '../server/node/env-values.js';

// The demo speaks the five languages the form has messages for, consent statement and
// preference labels included, so its language pages show each form wholly in its language
// (and Arabic, whose messages a site passes itself: a right-to-left form).
// Written as `serve`'s variables (README, "Messages and languages"): what a site would set.

/** The demo's consent statement in each of its languages (English is `serve`'s own default). */
export const DEMO_CONSENT_TEXTS = {
  en: DEFAULT_CONSENT_TEXT,
  de: 'Ja, bitte senden Sie mir Neuigkeiten und Angebote per E-Mail. Ich kann mich jederzeit über den Link in jeder E-Mail abmelden. Wie wir Ihre Daten verwenden, lesen Sie in unserer Datenschutzerklärung.',
  fr: 'Oui, envoyez-moi des nouveautés et des offres par e-mail. Je peux me désabonner à tout moment grâce au lien présent dans chaque e-mail. Notre politique de confidentialité explique comment nous utilisons vos données.',
  es: 'Sí, envíenme novedades y ofertas por correo electrónico. Puedo darme de baja en cualquier momento con el enlace de cada correo. Consulte nuestra política de privacidad para saber cómo usamos sus datos.',
  nl: 'Ja, stuur me nieuws en aanbiedingen per e-mail. Ik kan me altijd afmelden via de link in elke e-mail. In onze privacyverklaring lees je hoe we je gegevens gebruiken.',
  // For a form whose messages a site passes in Arabic (right to left): the proxy's part in Arabic too.
  ar: 'نعم، أرسلوا إليّ الأخبار والعروض بالبريد الإلكتروني. يمكنني إلغاء الاشتراك في أي وقت عبر الرابط الموجود في كل رسالة. يوضّح إشعار الخصوصية لدينا كيف نستخدم بياناتك.',
};
const CONSENT = Object.fromEntries(Object.entries(DEMO_CONSENT_TEXTS).map(([locale, text]) => [locale === 'en' ? 'SIGNUP_CONSENT_TEXT' : `SIGNUP_CONSENT_TEXT_${locale.toUpperCase()}`, text]));

// By the mock's demo account's ids: 1 Newsletters (2 Weekly newsletter, 3 Product updates), 5 Events near you.
const LABELS: Record<string, Record<number, string>> = {
  SIGNUP_PREFERENCE_LABELS_DE: { 1: 'Newsletter', 2: 'Wöchentlicher Newsletter', 3: 'Produktneuigkeiten', 5: 'Veranstaltungen in Ihrer Nähe' },
  SIGNUP_PREFERENCE_LABELS_FR: { 1: 'Lettres d’information', 2: 'Lettre hebdomadaire', 3: 'Nouveautés produits', 5: 'Événements près de chez vous' },
  SIGNUP_PREFERENCE_LABELS_ES: { 1: 'Boletines', 2: 'Boletín semanal', 3: 'Novedades de productos', 5: 'Eventos cerca de usted' },
  SIGNUP_PREFERENCE_LABELS_NL: { 1: 'Nieuwsbrieven', 2: 'Wekelijkse nieuwsbrief', 3: 'Productnieuws', 5: 'Evenementen bij jou in de buurt' },
  SIGNUP_PREFERENCE_LABELS_AR: { 1: 'النشرات الإخبارية', 2: 'النشرة الأسبوعية', 3: 'تحديثات المنتجات', 5: 'فعاليات بالقرب منك' },
};

/**
 * The demo's environment with its languages filled in where the person running it set none:
 * the consent statement in five languages, and (on the mock's demo account, whose ids they
 * name) the preference labels.
 *
 * @example
 * optionsFromEnv(withDemoLanguages(process.env, { mock: true }));
 */
export function withDemoLanguages(env: Env, { mock }: { mock: boolean }): Env {
  const chosen = (prefix: string) => Object.keys(env).some((name) => name.startsWith(prefix) && env[name]);
  return {
    ...(chosen('SIGNUP_CONSENT_TEXT') ? {} : CONSENT),
    ...(mock && !chosen('SIGNUP_PREFERENCE_LABELS') ? Object.fromEntries(Object.entries(LABELS).map(([name, labels]) => [name, JSON.stringify(labels)])) : {}),
    ...env,
  };
}
