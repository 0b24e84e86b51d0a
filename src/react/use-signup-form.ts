'use client';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { FormDefinition } from '../core/form-definition.js';
import { englishMessages, type SignupMessageOverrides, type SignupMessages } from '../core/messages.js';
import { createSignupClient, type SignupStatus } from '../core/signup-client.js';
import { notify } from '../core/notify.js';
import { createSignupController, type SignupController } from '../core/signup-controller.js';
import type { SignupFormState } from '../core/signup-snapshot.js';
import type { SignupError } from '../core/signup-error.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';
import type { SignupIssue } from '../core/signup-issue.js';
import type { SignupRequest } from '../core/signup-request.js';
import { signupResolver } from './signup-resolver.js';
import { useKitSupport, type KitSupport } from './use-kit-support.js';
import { useSignupMessages } from './use-signup-messages.js';

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
  /**
   * The form definition the server already has (`await handler.formDefinition()`): the form
   * renders whole on the server and hydrates ready, without loading it again.
   */
  definition?: FormDefinition | undefined;
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
  /** react-hook-form's own `useForm()` result: `<FormProvider {...form}>`, `form.control` for `<Controller>`, `form.register('email')`. */
  form: UseFormReturn<SignupFormValues>;
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
  /**
   * Show a result that came another way, e.g. the outcome of a form posted without JavaScript:
   * `showResult(signupOutcomeResult(readSignupOutcome(location.href)))` (core).
   */
  showResult: (result: SignupStatus | SignupError) => void;
}

/**
 * The headless signup form: react-hook-form holds the values and validates them with the
 * proxy's own zod schemas; the framework-free signup controller (core) loads the definition,
 * submits the consent record and knows the states. Bring your own markup or UI kit.
 *
 * @example
 * const { state, definition, form, onSubmit, issues } = useSignupForm({ endpoint: '/api/signup' });
 * return <form onSubmit={onSubmit} data-state={state} noValidate><input type="email" {...form.register('email')} /></form>;
 */
export function useSignupForm(options: UseSignupFormOptions): UseSignupFormResult {
  return useSignupFormBase(options, useKitSupport);
}

/**
 * The form's language, as the proxy is asked for it and told it: its `locale`, or that of a
 * complete set of messages given for a language it has no built-in messages for.
 *
 * @example
 * formLocale({ messages: arabicMessages }); // 'ar'
 */
export const formLocale = (options: Pick<UseSignupFormOptions, 'locale' | 'messages'>): string | undefined => options.locale ?? options.messages?.locale;

/**
 * {@link useSignupForm} for markup whose checkboxes are inputs given `register()` (the
 * `<SignupForm>` component, and so the script tag): without the support a UI kit's controls
 * need, which such a form would carry for nothing. `shown`: a result shown from the first render
 * (`<ServerSignupForm outcome>`'s).
 *
 * @example
 * const signup = useSignupFormBase(props); // inside SignupForm
 */
export function useSignupFormBase(options: UseSignupFormOptions, kitSupport?: (form: UseFormReturn<SignupFormValues>, controller: SignupController) => KitSupport, shown?: SignupStatus | SignupError): UseSignupFormResult {
  const latest = useRef(options);
  latest.current = options; // callbacks and fetch are read when used, so inline ones never reload anything
  const messages = useSignupMessages(options.locale, options.messages);
  const wording = useRef(messages ?? englishMessages); // what the controller and the resolver word issues with
  wording.current = messages ?? englishMessages;
  const { endpoint } = options;
  const locale = formLocale(options);
  const controller = useMemo(() => {
    // The definition comes in the form's language: its consent statement and labels (?locale=).
    const client = createSignupClient({ endpoint, locale, fetch: (input, init) => (latest.current.fetch ?? fetch)(input, init) });
    // A server's definition and outcome matter only at the first render (hydration): later ones need no new controller.
    const created = createSignupController({ client, messages: () => wording.current, callbacks: () => latest.current, definition: options.definition });
    if (shown) created.show(shown);
    return created;
  }, [endpoint, locale]);
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  const { definition } = snapshot;
  const resolver = useMemo(() => signupResolver(() => ({ definition: controller.getSnapshot().definition, messages: wording.current })), [controller]);
  const form = useForm<SignupFormValues>({
    defaultValues: { email: '', ...options.defaultValues }, // the controls add the rest as they register (react-hook-form copies this)
    resolver,
    reValidateMode: 'onSubmit', // the summary and the inline errors say what the last submit found, as GOV.UK's do
    shouldFocusError: false, // the error summary takes focus instead
  });
  const kit = kitSupport?.(form, controller);
  useEffect(() => controller.load(), [controller]);

  // Once per load attempt, whichever way it ended (StrictMode runs effects twice).
  const notified = useRef(-1);
  useEffect(() => {
    if (notified.current === snapshot.attempt) return;
    if (snapshot.state === 'definition_failed') {
      notified.current = snapshot.attempt;
      notify(latest.current.onError, snapshot.error!, { phase: 'load' });
    } else if (definition && messages) {
      notified.current = snapshot.attempt;
      notify(latest.current.onReady, definition);
    }
  }, [definition, messages, snapshot]);

  const onSubmit = useCallback(async (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.();
    kit?.beforeSubmit();
    await form.handleSubmit(
      async (values) => {
        await controller.submit(values);
        kit?.afterSubmit();
      },
      () => void controller.reject(form.getValues()),
    )();
  }, [controller, form, kit]);

  const state = snapshot.state !== 'loading' && !messages ? 'loading' : snapshot.state;
  // The snapshot's issues, error, submittedEmail, queued and consentUpdated as they are.
  return { ...snapshot, state, messages, form, onSubmit, retry: controller.retry, showResult: controller.show };
}
