import { useEffect } from 'react';
import type { FormDefinition } from '../core/form-definition.js';
import { SIGNUP_FORM_FIELDS as names } from '../core/signup-form-post.js';
import type { SignupResult } from '../core/signup-controller.js';
import { formLocale, type UseSignupFormOptions } from './use-signup-form-options.js';
import { SIGNUP_OUTCOME_PARAMS, signupOutcomeResult, withoutSignupOutcome } from '../core/signup-outcome.js';

// What makes <SignupForm> work before (or without) its script: the browser posts the form to the
// proxy itself, which answers 303 back to the page with the outcome in the URL.

/** Props of {@link PostedFormInputs}. */
export interface PostedFormInputsProps {
  definition: FormDefinition;
  /** Echoed back by the proxy as the URL's fragment: whose outcome it is. */
  formId: string;
  /**
   * The form's props it reads: `pageUrl`, the page's URL when the server knows it (see
   * `SignupFormProps.pageUrl`), and its language (`locale`, or that of whole `messages`), which
   * the proxy asks Dotdigital's emails in. Passed whole: the script tag, which renders none of
   * this, then spends no bytes reading them.
   */
  form: Pick<UseSignupFormOptions, 'locale' | 'messages'> & { pageUrl?: string | undefined };
}

/**
 * The hidden inputs a form posted without JavaScript needs besides the visible ones: the
 * consent text and version it showed, its language, its id, and the page's URL (any earlier
 * outcome taken out).
 *
 * @example
 * <PostedFormInputs definition={definition} formId={id} form={{ pageUrl: 'https://www.example.com/news', locale: 'de' }} />
 */
export function PostedFormInputs({ definition, formId, form }: PostedFormInputsProps) {
  const { pageUrl } = form;
  const values = [
    [names.consentText, definition.consent.text],
    [names.consentVersion, definition.consent.version],
    [names.consentLocale, formLocale(form)],
    [names.formId, formId],
    [names.pageUrl, pageUrl && withoutSignupOutcome(pageUrl)],
  ];
  // `defaultValue`: the `value` attribute in every renderer (Preact sets a `value` prop as the property alone).
  return values.map(([name, value]) => (value ? <input type="hidden" key={name} name={name} defaultValue={value} /> : null));
}

/**
 * Shows the outcome the page's URL carries when it is this form's (a post without JavaScript
 * came back to it: the fragment is the form's id), then takes it out of the URL so a reload or a
 * shared link does not show it again. StrictMode's second run finds the URL clean. A server that
 * rendered the outcome already (`outcome` prop) rendered the same state, so nothing changes on screen.
 *
 * @example
 * usePostedOutcome(id, showResult);
 */
export function usePostedOutcome(formId: string, show: (result: SignupResult) => void): void {
  useEffect(() => {
    // Most pages carry no outcome: what reads one is a chunk of its own, loaded only when the URL may hold one.
    if (!location.search.includes(`${SIGNUP_OUTCOME_PARAMS.status}=`)) return;
    let current = true;
    void import('../core/read-signup-outcome.js').then(({ readSignupOutcome }) => {
      const outcome = readSignupOutcome(location.href);
      if (!current || outcome?.formId !== formId) return; // unmounted, none, or another form's
      show(signupOutcomeResult(outcome));
      history.replaceState(history.state, '', withoutSignupOutcome(location.href));
    });
    return () => {
      current = false;
    };
  }, [formId, show]);
}
