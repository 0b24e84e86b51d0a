'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import {
  createSignupClient,
  SignupError,
  type FieldValue,
  type FormDefinition,
  type SignupStatus,
} from '../core/index.js';

/** Where the form is; also shown on the root element as `data-state`. */
export type SignupFormState = 'loading' | 'definition_failed' | 'ready' | 'submitting' | 'subscribed' | 'pending_confirmation' | 'error';

/** The values react-hook-form holds. Preferences are ids as strings (checkbox values). */
export interface SignupFormValues {
  email: string;
  preferences: string[];
  fields: Record<string, string>;
  honeypot: string;
}

/** Options of {@link useSignupForm}. */
export interface UseSignupFormOptions {
  /** The URL of your signup proxy, e.g. `/api/signup`. */
  endpoint: string;
  /** Prefill the email field. */
  defaultValues?: { email?: string };
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  onReady?: (definition: FormDefinition) => void;
  onSuccess?: (result: { status: SignupStatus; email: string }) => void;
  onError?: (error: SignupError) => void;
}

/** What {@link useSignupForm} returns: everything a custom UI needs. */
export interface UseSignupFormResult {
  state: SignupFormState;
  definition: FormDefinition | undefined;
  form: UseFormReturn<SignupFormValues>;
  /** Pass to `<form onSubmit>`. */
  onSubmit: (event?: { preventDefault?: () => void }) => Promise<void>;
  /** The last error, from loading or submitting. */
  error: SignupError | undefined;
  /** The address that was signed up (for the success messages). */
  submittedEmail: string | undefined;
  /** Load the form definition again after a failure. */
  retry: () => void;
}

/**
 * The headless signup form: loads the form definition from your proxy, holds the
 * values with react-hook-form and submits the consent record. Bring your own markup.
 *
 * @example
 * const { state, definition, form, onSubmit } = useSignupForm({ endpoint: '/api/signup' });
 * return <form onSubmit={onSubmit} data-state={state}><input {...form.register('email')} /></form>;
 */
export function useSignupForm(options: UseSignupFormOptions): UseSignupFormResult {
  const { endpoint } = options;
  const client = useMemo(() => createSignupClient({ endpoint, ...(options.fetch ? { fetch: options.fetch } : {}) }), [endpoint, options.fetch]);
  const [state, setState] = useState<SignupFormState>('loading');
  const [definition, setDefinition] = useState<FormDefinition>();
  const [error, setError] = useState<SignupError>();
  const [submittedEmail, setSubmittedEmail] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const form = useForm<SignupFormValues>({
    defaultValues: { email: options.defaultValues?.email ?? '', preferences: [], fields: {}, honeypot: '' },
  });

  useEffect(() => {
    const controller = new AbortController();
    setState('loading');
    client.loadDefinition(controller.signal).then(
      (loaded) => {
        setDefinition(loaded);
        setState('ready');
        options.onReady?.(loaded);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(toSignupError(cause));
        setState('definition_failed');
      },
    );
    return () => controller.abort();
    // Callbacks are read at call time; only the endpoint and retries reload the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, attempt]);

  const submit = form.handleSubmit(async (values) => {
    if (!definition) return;
    setState('submitting');
    setError(undefined);
    const fields: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(values.fields ?? {})) if (value !== '') fields[name] = value;
    try {
      const status = await client.submit({
        email: values.email.trim(),
        preferences: values.preferences.map(Number),
        fields,
        consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: window.location.href },
        ...(values.honeypot ? { honeypot: values.honeypot } : {}),
      });
      setSubmittedEmail(values.email.trim());
      setState(status === 'pending_confirmation' ? 'pending_confirmation' : 'subscribed');
      options.onSuccess?.({ status, email: values.email.trim() });
    } catch (cause) {
      const signupError = toSignupError(cause);
      setError(signupError);
      setState('error');
      options.onError?.(signupError);
    }
  });

  const onSubmit = useCallback((event?: { preventDefault?: () => void }) => submit(event as never), [submit]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, definition, form, onSubmit, error, submittedEmail, retry };
}

function toSignupError(cause: unknown): SignupError {
  return cause instanceof SignupError ? cause : new SignupError('internal_error', String((cause as Error)?.message ?? cause));
}
