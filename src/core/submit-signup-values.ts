import { buildSignupRequest } from './build-signup-request.js';
import type { FormDefinition } from './form-definition.js';
import { notify } from './notify.js';
import type { SignupStatus } from './send-signup.js';
import type { SignupError } from './signup-error.js';
import type { SignupFormValues } from './signup-form-schema.js';
import type { SignupRequest } from './signup-request.js';
import type { SignupSubmitCallbacks } from './signup-snapshot.js';

/** The calls a submit makes on the controller's client (a `SignupClient` has them). */
export interface SubmitClient {
  readonly locale?: string | undefined;
  submit(request: SignupRequest): Promise<SignupStatus>;
  loadDefinition(options: { fresh: boolean }): Promise<FormDefinition>;
}

/** What {@link submitSignupValues} reads from the controller, and how it tells the controller the result. */
export interface SubmitContext {
  client: SubmitClient;
  callbacks: () => SignupSubmitCallbacks;
  pageUrl?: (() => string) | undefined;
  now?: (() => Date) | undefined;
  /** The signup went through: show it. */
  succeed(status: SignupStatus, email: string): void;
  /** The signup failed (`cause` as thrown): show it against `definition`, tell `onError`, and return the error shown. */
  failed(cause: unknown, definition: FormDefinition): SignupError;
}

/**
 * A controller's submit once its values are valid: the request (consent stamped now, on this
 * page), `onSubmit`, the POST, then success or the failure shown against the definition the
 * visitor should see (reloaded when the text or the choices changed since the page loaded).
 * In the chunk a page loads once its form is shown (see send-signup.ts).
 *
 * @example
 * const result = await submitSignupValues(values, definition, context);
 */
export async function submitSignupValues(values: SignupFormValues, definition: FormDefinition, form: SubmitContext): Promise<SignupStatus | SignupError> {
  const { client } = form;
  try {
    const request = buildSignupRequest(values, definition, { pageUrl: form.pageUrl?.() ?? globalThis.location.href, now: form.now?.() ?? new Date(), locale: client.locale });
    notify(form.callbacks().onSubmit, request);
    const status = await client.submit(request);
    form.succeed(status, request.email);
    notify(form.callbacks().onSuccess, { status, email: request.email });
    return status;
  } catch (cause) {
    const code = (cause as SignupError | undefined)?.code;
    // The text or the choices changed since the page loaded: show the visitor the new ones.
    const current = code === 'consent_mismatch' || code === 'unknown_preference' ? await client.loadDefinition({ fresh: true }).catch(() => undefined) : undefined;
    return form.failed(cause, current ?? definition);
  }
}
