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
import { waitDuration } from '../../src/core/wait-duration.js';

// The messages that take a wait in seconds (from the proxy's Retry-After), not a text.
const WAITS = ['definitionFailedRetryAfter', 'rateLimitedRetryAfter', 'unavailableRetryAfter'] as const;
const takesText = (key: string) => !(WAITS as readonly string[]).includes(key);

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
        if (typeof value === 'function' && takesText(key)) expect((value as (text: string) => string)('ann@example.com'), `${locale}.${key}`).toContain('ann@example.com');
        else if (typeof value === 'string' && key !== 'emailHint') expect(value, `${locale}.${key}`).toMatch(/\S/);
      }
      if (locale !== 'en') {
        expect(messages.submit).not.toBe(englishMessages.submit);
        expect(messages.errors.invalid_email).not.toBe(englishMessages.errors.invalid_email);
      }
    }
  });

  it('says when to try again, in every locale, with the wait in its words', async () => {
    const about30 = { en: 'in about 30 seconds', de: 'in etwa 30 Sekunden', fr: 'dans environ 30 secondes', es: 'en aproximadamente 30 segundos', nl: 'over ongeveer 30 seconden' };
    for (const [locale, messages] of await all()) {
      for (const key of WAITS) {
        // Intl puts a no-break space between number and unit where the language wants one (French).
        const text = messages[key](waitDuration(30, locale), 30);
        expect(text.replace(/\u00a0/g, ' '), `${locale}.${key}`).toContain(about30[locale]);
        if (locale !== 'en') expect(text, `${locale}.${key}`).not.toBe(englishMessages[key]('30 seconds', 30));
      }
    }
    expect(englishMessages.rateLimitedRetryAfter('30 seconds', 30)).toBe('Too many signups at once. Try again in about 30 seconds.');
    expect(englishMessages.unavailableRetryAfter('2 minutes', 120)).toBe('The newsletter service is not answering right now. Your details are still here: try again in about 2 minutes.');
    expect(englishMessages.definitionFailedRetryAfter('1 hour', 3600)).toBe('The signup form could not be loaded. Try again in about 1 hour.');
  });

  it('words a wait as people say it, singular and plural right, in any language', () => {
    expect([1, 30, 89, 90, 150, 3599, 3600, 7200].map((seconds) => waitDuration(seconds, 'en'))).toEqual([
      '1 second', '30 seconds', '89 seconds', '2 minutes', '3 minutes', '60 minutes', '1 hour', '2 hours',
    ]);
    expect(waitDuration(0, 'en')).toBe('1 second');
    expect(waitDuration(1, 'de')).toBe('1 Sekunde');
    expect(waitDuration(60, 'de')).toBe('60 Sekunden');
    expect(waitDuration(300, 'nl')).toBe('5 minuten');
    expect(waitDuration(30, 'it')).toBe('30 secondi'); // a language without built-in messages still gets its words
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
