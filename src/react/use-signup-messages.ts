'use client';
import { useEffect, useMemo, useState } from 'react';
import { loadedSignupMessages, loadSignupMessages, matchSignupLocale, SIGNUP_LOCALES } from '../core/locales/load-signup-messages.js';
import { mergeSignupMessages, type SignupMessageOverrides, type SignupMessages } from '../core/messages.js';

/**
 * The messages for `locale` with `overrides` on top; `undefined` while a language that is
 * not bundled downloads (English always is, and a language loaded once stays loaded).
 *
 * @example
 * const messages = useSignupMessages('de', { submit: 'Jetzt anmelden' });
 */
export function useSignupMessages(locale: string | undefined, overrides: SignupMessageOverrides | undefined): SignupMessages | undefined {
  const wanted = matchSignupLocale(locale) ?? 'en';
  const [loaded, setLoaded] = useState<{ wanted: string; messages: SignupMessages }>();
  const base = loaded?.wanted === wanted ? loaded.messages : loadedSignupMessages(wanted);

  useEffect(() => {
    // Messages that name their own language (arabicMessages, `locale: 'ar'`) are that language's set: nothing to warn of.
    if (locale !== undefined && matchSignupLocale(locale) === undefined && !overrides?.locale) {
      console.warn(
        `SignupForm: there are no built-in messages for locale "${locale}", so the form is in English. ` +
          `Use one of ${SIGNUP_LOCALES.join(', ')}, or pass your translations as \`messages\` (see README, 'Messages and languages').`,
      );
    }
  }, [locale, overrides?.locale]);

  useEffect(() => {
    if (base) return;
    let active = true;
    void loadSignupMessages(wanted).then((messages) => active && setLoaded({ wanted, messages }));
    return () => {
      active = false;
    };
  }, [wanted, base]);

  // An inline `messages` literal is a new object each render; merging it again is cheap.
  return useMemo(() => base && mergeSignupMessages(base, overrides), [base, overrides]);
}
