import type { UseFormProps, UseFormReturn } from 'react-hook-form';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessageOverrides, SignupMessages } from '../core/messages.js';
import type { SignupStatus } from '../core/signup-client.js';
import type { SignupResult } from '../core/signup-controller.js';
import type { SignupError } from '../core/signup-error.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';
import type { SignupIssue } from '../core/signup-issue.js';
import type { SignupOutcome } from '../core/signup-outcome.js';
import type { SignupRequest } from '../core/signup-request.js';
import type { SignupFormState } from '../core/signup-snapshot.js';
import type { SignupSchema } from './signup-resolver.js';

/** Options of `useSignupForm` (and props of `SignupForm`). */
export interface UseSignupFormOptions {
  /** The URL of your signup proxy, e.g. `/api/signup`. Required. */
  endpoint: string;
  /**
   * The form's language: of the built-in messages (`en` by default, `de`, `fr`, `es` or `nl`;
   * `de-AT` counts as `de`), and the one the proxy is asked for its consent statement and labels
   * in (`GET {endpoint}?locale=de-AT`) and told for Dotdigital's emails. Without it, the `locale`
   * of `messages` given whole for another language (e.g. Arabic) is the form's.
   */
  locale?: string;
  /** Replace any built-in string (merged over the `locale`'s). */
  messages?: SignupMessageOverrides;
  /** Prefill the email address and data fields (never the preferences: nothing is pre-ticked); also in server-rendered HTML. */
  defaultValues?: { email?: string; fields?: Record<string, string | boolean> };
  /**
   * The form definition the server already has (`await handler.formDefinition()`): the form
   * renders whole on the server and hydrates ready, without loading it again. Read at the first render.
   */
  definition?: FormDefinition | undefined;
  /**
   * The outcome of this form posted without JavaScript, from the URL the proxy sent the visitor
   * back to: `readSignupOutcome(requestUrl)` (or Next.js's `await searchParams`), so the server
   * renders it. Give the same when hydrating. Read at the first render.
   */
  outcome?: SignupOutcome | undefined;
  /**
   * Your own rules, checked after the built-in ones on each submit, with your own messages: a zod
   * schema (or any Standard Schema) of the values, e.g.
   * `z.object({ email: z.string().refine((email) => !email.endsWith('@example.org'), 'Use your work address') })`.
   * A value that fails is shown inline and in the summary, and nothing is sent.
   */
  schema?: SignupSchema | undefined;
  /** react-hook-form's `mode`: when a value is first checked. Default `onSubmit` (GOV.UK: on submit, not while typing). */
  mode?: UseFormProps<SignupFormValues>['mode'];
  /** react-hook-form's `reValidateMode`: when it is checked again after a failed submit. Default `onSubmit`. */
  reValidateMode?: UseFormProps<SignupFormValues>['reValidateMode'];
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

/** What `useSignupForm` returns: everything a custom UI needs. */
export interface UseSignupFormResult {
  /** Where the form is (`data-state`): from the controller while it loads or after a success, else from `form.formState`. */
  state: SignupFormState;
  definition: FormDefinition | undefined;
  /** The strings in the chosen language, with your overrides; `undefined` while they load. */
  messages: SignupMessages | undefined;
  /**
   * react-hook-form's own `useForm()` result, the one source of the values, errors and submit
   * state: `<FormProvider {...form}>` (shadcn/ui's `<Form>`), `form.control` for `<Controller>`,
   * `form.register('email')`. The proxy's refusals are in `form.formState.errors` too (form-level
   * ones on `root.server`), each error's `type` its code.
   */
  form: UseFormReturn<SignupFormValues>;
  /** The submit handler: pass it to `<form onSubmit>`; call it again to retry with the same values. */
  submit: (event?: { preventDefault?: () => void; target?: EventTarget | null }) => Promise<void>;
  /** What is wrong, read from `form.formState.errors`, in form order (empty when nothing is). */
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
   * `showResult(signupOutcomeResult(readSignupOutcome(location.href)))`.
   */
  showResult: (result: SignupResult) => void;
}

/**
 * The form's language, as the proxy is asked for it and told it: its `locale`, or that of a
 * complete set of messages given for a language it has no built-in messages for.
 *
 * @example
 * formLocale({ messages: arabicMessages }); // 'ar'
 */
export const formLocale = (options: Pick<UseSignupFormOptions, 'locale' | 'messages'>): string | undefined => options.locale ?? options.messages?.locale;
