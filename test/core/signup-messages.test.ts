import { describe, expect, it } from 'vitest';
import {
  englishMessages,
  loadedSignupMessages,
  loadSignupMessages,
  matchSignupLocale,
  mergeSignupMessages,
  SIGNUP_ERROR_CODES,
  SIGNUP_LOCALES,
  type SignupMessages,
} from '../../src/core/index.js';

const all = async () => Promise.all(SIGNUP_LOCALES.map(async (locale) => [locale, await loadSignupMessages(locale)] as const));

describe('built-in messages', () => {
  it('has a message for every error code in every locale (a new code needs five translations)', async () => {
    for (const [locale, messages] of await all()) {
      for (const code of SIGNUP_ERROR_CODES) {
        expect(messages.errors[code], `${locale}: ${code}`).toMatch(/\S/);
      }
      expect(Object.keys(messages.errors).sort(), locale).toEqual([...SIGNUP_ERROR_CODES].sort());
    }
  });

  it('has every string in every locale, translated, with the values put in', async () => {
    const keys = Object.keys(englishMessages) as Array<keyof SignupMessages>;
    for (const [locale, messages] of await all()) {
      expect(Object.keys(messages).sort(), locale).toEqual([...keys].sort());
      expect(messages.locale).toBe(locale);
      for (const key of keys) {
        const value = messages[key];
        if (typeof value === 'function') expect(value('ann@example.com'), `${locale}.${key}`).toContain('ann@example.com');
        else if (typeof value === 'string' && key !== 'emailHint') expect(value, `${locale}.${key}`).toMatch(/\S/);
      }
      if (locale !== 'en') {
        expect(messages.submit).not.toBe(englishMessages.submit);
        expect(messages.errors.invalid_email).not.toBe(englishMessages.errors.invalid_email);
      }
    }
  });

  it('matches language tags to built-in locales', () => {
    expect(matchSignupLocale('de-AT')).toBe('de');
    expect(matchSignupLocale('FR_ca')).toBe('fr');
    expect(matchSignupLocale(undefined)).toBe('en');
    expect(matchSignupLocale('it')).toBeUndefined();
  });

  it('keeps a loaded locale, and falls back to English for an unknown one', async () => {
    expect(loadedSignupMessages('en')).toBe(englishMessages);
    const dutch = await loadSignupMessages('nl-BE');
    expect(dutch.submit).toBe('Inschrijven');
    expect(loadedSignupMessages('nl')).toBe(dutch);
    expect(await loadSignupMessages('it')).toBe(englishMessages);
  });

  it('lower-cases a label in "Enter …" only where it is an ordinary word', () => {
    expect(englishMessages.fieldRequired('First name')).toBe('Enter first name');
    expect(englishMessages.fieldRequired('ZIP code')).toBe('Enter ZIP code');
  });

  it('merges overrides, the error map included', () => {
    const merged = mergeSignupMessages(englishMessages, { submit: 'Join', errors: { rate_limited: 'Slow down.' } });
    expect(merged.submit).toBe('Join');
    expect(merged.errors.rate_limited).toBe('Slow down.');
    expect(merged.errors.invalid_email).toBe(englishMessages.errors.invalid_email);
    expect(mergeSignupMessages(englishMessages, undefined)).toBe(englishMessages);
  });
});
