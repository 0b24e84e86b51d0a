'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessageOverrides, SignupMessages } from '../core/messages.js';
import { createSignupClient, type SignupStatus } from '../core/signup-client.js';
import type { SignupError } from '../core/signup-error.js';
import type { SignupRequest } from '../core/signup-request.js';
import { buildSignupRequest } from './build-signup-request.js';
import { issuesFromError, toSignupError, type SignupIssue } from './signup-issue.js';
import { useFormDefinition } from './use-form-definition.js';
import { useSignupFields, type SignupFormControl } from './use-signup-fields.js';
import { useSignupMessages } from './use-signup-messages.js';
import { validateSignupValues } from './validate-signup-values.js';

/** Where the form is; also shown on the root element as `data-state`. */
export type SignupFormState = 'loading' | 'definition_failed' | 'ready' | 'submitting' | 'subscribed' | 'pending_confirmation' | 'error';

/** Options of {@link useSignupForm} (and props of `SignupForm`). */
export interface UseSignupFormOptions {
  /** The URL of your signup proxy, e.g. `/api/signup`. Required. */
  endpoint: string;
  /** Language of the built-in messages: `en` (default), `de`, `fr`, `es` or `nl`; `de-AT` counts as `de`. */
  locale?: string;
  /** Replace any built-in string (merged over the `locale`'s). */
  messages?: SignupMessageOverrides;
  /** Prefill the email address and data fields (never the preferences: nothing is pre-ticked). */
  defaultValues?: { email?: string; fields?: Record<string, string | boolean> };
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** The form is on screen: definition and messages are loaded. */
  onReady?: (definition: FormDefinition) => void;
  /** Valid values are about to be sent: the exact body of `POST {endpoint}`. */
  onSubmit?: (request: SignupRequest) => void;
  /** The proxy accepted the signup. */
  onSuccess?: (result: { status: SignupStatus; email: string }) => void;
  /**
   * The form could not be loaded (`info.phase === 'load'`: the visitor sees "could not be
   * loaded" and *Try again*; called again for each failed retry), or the proxy or the network
   * refused the signup (`'submit'`). Not called for values the form itself rejects.
   */
  onError?: (error: SignupError, info: SignupErrorInfo) => void;
}

/** The second argument of `onError`: when the error happened. */
export interface SignupErrorInfo {
  /** `load`: fetching the form definition; `submit`: sending the signup. */
  phase: 'load' | 'submit';
}

/** What {@link useSignupForm} returns: everything a custom UI needs. */
export interface UseSignupFormResult {
  state: SignupFormState;
  definition: FormDefinition | undefined;
  /** The strings in the chosen language, with your overrides; `undefined` while they load. */
  messages: SignupMessages | undefined;
  /** The values: spread `form.register('email')`, `register('preferences.p9')`, `register('fields.FIRSTNAME')`, `register('honeypot')` on inputs. */
  form: SignupFormControl;
  /** Pass to `<form onSubmit>`; call it again to retry with the same values. */
  onSubmit: (event?: { preventDefault?: () => void }) => Promise<void>;
  /** What went wrong on the last submit, in form order (empty when nothing did). */
  issues: SignupIssue[];
  /** The last error from the proxy, loading or submitting. */
  error: SignupError | undefined;
  /** The address that was signed up, for the success messages. */
  submittedEmail: string | undefined;
  /** True when the proxy accepted the signup but queued its delivery to Dotdigital (`202 queued`). */
  queued: boolean;
  /** Load the form definition again after `definition_failed`. */
  retry: () => void;
  /** True once the consent text changed under the visitor and was reloaded. */
  consentUpdated: boolean;
}

type Phase = 'idle' | 'submitting' | 'subscribed' | 'pending_confirmation' | 'error';

/**
 * The headless signup form: loads the form definition and the messages, holds the values,
 * validates with the proxy's own rules and submits the consent record. Bring your own markup.
 *
 * @example
 * const { state, definition, form, onSubmit, issues } = useSignupForm({ endpoint: '/api/signup' });
 * return <form onSubmit={onSubmit} data-state={state} noValidate><input type="email" {...form.register('email')} /></form>;
 */
export function useSignupForm(options: UseSignupFormOptions): UseSignupFormResult {
  const latest = useRef(options);
  latest.current = options; // callbacks and fetch are read when used, so inline ones never reload anything
  const { endpoint } = options;
  const client = useMemo(() => createSignupClient({ endpoint, fetch: (input, init) => (latest.current.fetch ?? fetch)(input, init) }), [endpoint]);
  const loader = useFormDefinition(client);
  const messages = useSignupMessages(options.locale, options.messages);
  const form = useSignupFields(options.defaultValues);
  const [phase, setPhase] = useState<Phase>('idle');
  const [issues, setIssues] = useState<SignupIssue[]>([]);
  const [error, setError] = useState<SignupError>();
  const [submittedEmail, setSubmittedEmail] = useState<string>();
  const [queued, setQueued] = useState(false);
  const [consentUpdated, setConsentUpdated] = useState(false);
  const busy = useRef(false);
  const { definition, refresh } = loader;

  const state: SignupFormState = loader.error
    ? messages ? 'definition_failed' : 'loading'
    : !definition || !messages ? 'loading' : phase === 'idle' ? 'ready' : phase;

  // Once per load attempt, whichever way it ended (StrictMode runs effects twice).
  const notified = useRef(-1);
  useEffect(() => {
    if (notified.current === loader.attempt) return;
    if (loader.error) {
      notified.current = loader.attempt;
      notify(latest.current.onError, loader.error, { phase: 'load' });
    } else if (definition && messages) {
      notified.current = loader.attempt;
      notify(latest.current.onReady, definition);
    }
  }, [definition, messages, loader.attempt, loader.error]);

  const onSubmit = useCallback(async (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.();
    if (busy.current || !definition || !messages) return; // one signup in flight at a time
    const values = form.getValues();
    const invalid = validateSignupValues(values, definition, messages);
    if (invalid.length > 0) {
      setIssues(invalid);
      return setPhase('error');
    }
    busy.current = true;
    setPhase('submitting');
    try {
      const request = buildSignupRequest(values, definition, { pageUrl: window.location.href, now: new Date() });
      notify(latest.current.onSubmit, request);
      const status = await client.submit(request);
      setIssues([]);
      setError(undefined);
      setSubmittedEmail(request.email);
      setQueued(status === 'queued');
      // A queued signup on a double opt-in list still ends in a confirmation email.
      setPhase(status === 'pending_confirmation' || (status === 'queued' && definition.doubleOptIn) ? 'pending_confirmation' : 'subscribed');
      notify(latest.current.onSuccess, { status, email: request.email });
    } catch (cause) {
      const failure = toSignupError(cause);
      let current = definition;
      // The text or the choices changed since the page loaded: show the visitor the new ones.
      if (failure.code === 'consent_mismatch' || failure.code === 'unknown_preference') {
        current = (await refresh()) ?? definition;
        if (failure.code === 'consent_mismatch') setConsentUpdated(true);
      }
      setError(failure);
      setIssues(issuesFromError(failure, current, messages));
      setPhase('error');
      notify(latest.current.onError, failure, { phase: 'submit' });
    } finally {
      busy.current = false;
    }
  }, [client, definition, messages, form, refresh]);

  return { state, definition, messages, form, onSubmit, issues, error: error ?? loader.error, submittedEmail, queued, retry: loader.retry, consentUpdated };
}

/** Calls a site's callback; if it throws, the error is reported but the form carries on. */
function notify<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args);
  } catch (cause) {
    if (typeof reportError === 'function') reportError(cause);
    else setTimeout(() => { throw cause; });
  }
}
