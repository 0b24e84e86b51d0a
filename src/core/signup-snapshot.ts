import type { FormDefinition } from './form-definition.js';
import type { SignupStatus } from './send-signup.js';
import type { SignupError } from './signup-error.js';
import type { SignupIssue } from './signup-issue.js';
import type { SignupRequest } from './signup-request.js';

/** Where the form is; the widget shows it on its root element as `data-state`. */
export type SignupFormState = 'loading' | 'definition_failed' | 'ready' | 'submitting' | 'subscribed' | 'pending_confirmation' | 'error';

/** Everything a UI draws from: one immutable object, replaced on every change. */
export interface SignupSnapshot {
  state: SignupFormState;
  definition: FormDefinition | undefined;
  /** What went wrong on the last submit, in form order (empty when nothing did). */
  issues: SignupIssue[];
  /** The last error from the proxy, loading or submitting. */
  error: SignupError | undefined;
  /** The address that was signed up, for the success messages. */
  submittedEmail: string | undefined;
  /** The proxy accepted the signup but queued its delivery to Dotdigital (`202 queued`). */
  queued: boolean;
  /** The consent text changed under the visitor and was reloaded. */
  consentUpdated: boolean;
  /** Which load of the definition this is: 0, then one more for each {@link SignupController.retry}. */
  attempt: number;
}

/** What the controller tells the page when its definition fails to load and while a signup is sent (read at each call, so they may change). */
export interface SignupSubmitCallbacks {
  onSubmit?: (request: SignupRequest) => void;
  onSuccess?: (result: { status: SignupStatus; email: string }) => void;
  onError?: (error: SignupError, info: { phase: 'load' | 'submit' }) => void;
}
