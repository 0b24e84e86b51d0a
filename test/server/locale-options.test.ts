import { describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';
import { DEFAULT_CONSENT_TEXT, optionsFromEnv } from '../../src/server/node/index.js';
import { CONSENT } from '../support/locale-fixture.js';

const base = { apiUser: 'apiuser-x@apiconnector.com', apiPassword: 'secret', consentText: CONSENT };
const env = { DOTDIGITAL_API_USER: 'u@apiconnector.com', DOTDIGITAL_API_PASSWORD: 'p' };

describe('per-locale options, checked at start', () => {
  it.each<[string, Partial<SignupHandlerOptions>, RegExp]>([
    ['a consentText without the default locale\'s', { consentText: { de: CONSENT.de } }, /`consentText` has nothing for en, which `defaultLocale` configures: add `consentText.en`, or set `defaultLocale`/],
    ['a locale with labels but no consent statement', { preferenceLabels: { nl: { 2: 'Wekelijks' } } }, /`consentText` has nothing for nl, which `preferenceLabels.nl` configures: add `consentText.nl`/],
    ['a regional locale whose language has no statement either', { preferenceLabels: { 'nl-BE': { 2: 'Wekelijks' } } }, /`consentText` has nothing for nl-BE \(nor for nl\)/],
    ['a locale a field label is missing in', { fields: [{ name: 'FIRSTNAME', label: { en: 'First name', de: 'Vorname' } }] }, /`fields\[0\]\.label` has nothing for fr, which `consentText.fr` configures: add `fields\[0\]\.label.fr`/],
    ['a key that is not a language tag', { consentText: { ...CONSENT, 'en us': 'x' } }, /`consentText.en us`: "en us" is not a language tag/],
    ['one locale spelt twice', { consentText: { ...CONSENT, 'de-at': 'a', de_AT: 'b' } }, /`consentText` names de-AT twice/],
    ['an empty statement', { consentText: { ...CONSENT, fr: ' ' } }, /`consentText.fr` must be the text to show/],
    ['a label that is no text', { preferenceLabels: { de: { 2: 42 as unknown as string } } }, /`preferenceLabels.de.2` must be the text to show, not 42/],
    ['a label under an id that is no id', { preferenceLabels: { de: { weekly: 'x' } as unknown as Record<number, string> } }, /`preferenceLabels.de`: "weekly" is not a preference or category id/],
    ['labels that are not an object by id', { preferenceLabels: { de: 'Wöchentlich' as unknown as Record<number, string> } }, /`preferenceLabels.de` must be an object of labels by preference id/],
    ['a default locale that is no language tag', { defaultLocale: 'English' }, /`defaultLocale` must be a language tag such as 'en'/],
    ['a default locale the statements lack', { defaultLocale: 'es' }, /`consentText` has nothing for es, which `defaultLocale` configures/],
    ['a consentText that is neither', { consentText: ['Yes'] as unknown as string }, /`consentText` must be an object by locale/],
  ])('refuses %s, naming the locale and the key', (_name, options, message) => {
    expect(() => createSignupHandler({ ...base, ...options })).toThrow(message);
  });

  it('takes complete settings: a regional locale may lean on its language, one text may serve every locale', () => {
    const complete: Array<Partial<SignupHandlerOptions>> = [
      { preferenceLabels: { 'de-AT': { 5: 'Veranstaltungen in Ihrer Gegend' } } },
      { consentText: { ...CONSENT, 'de-CH': 'Ja, gerne.' }, fields: [{ name: 'FIRSTNAME', label: { en: 'First name', de: 'Vorname', fr: 'Prénom' } }] },
      { consentText: 'One statement.', preferenceLabels: { ar: { 2: 'النشرة الأسبوعية' } }, fields: [{ name: 'FIRSTNAME', label: 'Name' }] },
      { consentText: { de: CONSENT.de, en: CONSENT.en }, defaultLocale: 'de' },
    ];
    for (const options of complete) {
      expect(typeof createSignupHandler({ ...base, ...options })).toBe('function');
    }
  });
});

describe('per-locale settings from the environment (serve)', () => {
  it('reads one variable per locale: SIGNUP_CONSENT_TEXT_DE, SIGNUP_CONSENT_TEXT_DE_AT, SIGNUP_PREFERENCE_LABELS_DE (JSON), SIGNUP_DEFAULT_LOCALE', () => {
    expect(optionsFromEnv({
      ...env,
      SIGNUP_CONSENT_TEXT: CONSENT.en,
      SIGNUP_CONSENT_TEXT_DE: CONSENT.de,
      SIGNUP_CONSENT_TEXT_DE_AT: 'Ja, bitte.',
      SIGNUP_PREFERENCE_LABELS_DE: '{"1":"Newsletter","2":"Wöchentlicher Newsletter"}',
      SIGNUP_FIELDS: '[{"name":"FIRSTNAME","label":{"en":"First name","de":"Vorname"}}]',
    })).toMatchObject({
      consentText: { en: CONSENT.en, de: CONSENT.de, 'de-AT': 'Ja, bitte.' },
      preferenceLabels: { de: { 1: 'Newsletter', 2: 'Wöchentlicher Newsletter' } },
      fields: [{ name: 'FIRSTNAME', label: { en: 'First name', de: 'Vorname' } }],
    });
    expect(optionsFromEnv({ ...env, SIGNUP_DEFAULT_LOCALE: 'de', SIGNUP_CONSENT_TEXT: CONSENT.de, SIGNUP_CONSENT_TEXT_EN: CONSENT.en })).toMatchObject({ defaultLocale: 'de', consentText: { de: CONSENT.de, en: CONSENT.en } });
    expect(optionsFromEnv({ ...env, SIGNUP_CONSENT_TEXT: 'One for all.' }).consentText).toBe('One for all.');
    expect(optionsFromEnv(env).consentText).toBe(DEFAULT_CONSENT_TEXT);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a name that ends in no language tag', { SIGNUP_CONSENT_TEXT_GERMAN_X: 'Ja' }, /SIGNUP_CONSENT_TEXT_GERMAN_X="Ja" is not valid: end the name with a language tag/],
    ['labels that are not JSON', { SIGNUP_PREFERENCE_LABELS_DE: '2=Wöchentlich' }, /SIGNUP_PREFERENCE_LABELS_DE="2=Wöchentlich" is not valid: use a JSON object of labels by preference id/],
    ['a locale with labels but no statement', { SIGNUP_CONSENT_TEXT_DE: CONSENT.de, SIGNUP_PREFERENCE_LABELS_FR: '{"2":"Hebdo"}' }, /SIGNUP_CONSENT_TEXT has nothing for fr, which SIGNUP_PREFERENCE_LABELS_FR configures: add SIGNUP_CONSENT_TEXT_FR/],
    ['a field label missing in a locale', { SIGNUP_CONSENT_TEXT_DE: CONSENT.de, SIGNUP_FIELDS: '[{"name":"FIRSTNAME","label":{"en":"First name"}}]' }, /SIGNUP_FIELDS \(fields\[0\]\.label\) has nothing for de, which SIGNUP_CONSENT_TEXT_DE configures: add SIGNUP_FIELDS \(fields\[0\]\.label\.de\)/],
    ['a label that is no text', { SIGNUP_PREFERENCE_LABELS_DE: '{"2":""}' }, /SIGNUP_PREFERENCE_LABELS_DE must be the text to show/],
    ['a default locale that is no tag', { SIGNUP_DEFAULT_LOCALE: 'German', SIGNUP_CONSENT_TEXT_DE: 'Ja' }, /SIGNUP_DEFAULT_LOCALE must be a language tag/],
  ])('refuses %s, naming the variable to set', (_name, variables, message) => {
    expect(() => optionsFromEnv({ ...env, ...variables })).toThrow(message);
  });
});
