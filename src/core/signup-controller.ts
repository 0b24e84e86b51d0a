import type { FormDefinition } from './form-definition.js';
import type { SignupMessages } from './messages.js';
import type { SignupClient, SignupStatus } from './signup-client.js';
import { toSignupError, type SignupError } from './signup-error.js';
import type { SignupFormValues } from './signup-form-schema.js';
import { issuesFromError } from './signup-issue.js';
import { notify } from './notify.js';
import { loadSender } from './sender-loader.js';
import type { SignupFormState, SignupSnapshot, SignupSubmitCallbacks } from './signup-snapshot.js';
import type { SubmitContext } from './submit-signup-values.js';

/** Options of {@link createSignupController}. */
export interface SignupControllerOptions {
  client: SignupClient;
  /** The strings in the form's language, read when an issue is worded. */
  messages: () => SignupMessages;
  callbacks?: () => SignupSubmitCallbacks;
  /** The page the consent is given on (default `location.href`). */
  pageUrl?: () => string;
  now?: () => Date;
  /** A definition the page already has (server rendering): the form is ready without loading. */
  definition?: FormDefinition | undefined;
  /**
   * A result to show from the start, as {@link SignupController.show} would: the outcome of a form
   * posted without JavaScript that the server renders (`signupOutcomeResult(outcome)`).
   */
  result?: SignupResult | undefined;
}

/** How a signup ended: the proxy's status, or the error it (or the network) answered with. */
export type SignupResult = SignupStatus | SignupError;

/** The signup form without a UI: subscribe to it (`useSyncExternalStore` does) and call it. */
export interface SignupController {
  getSnapshot(): SignupSnapshot;
  subscribe(listener: () => void): () => void;
  /** Load the definition, once per attempt (calling again while it loads or after it loaded does nothing); a failure calls `onError` with `{ phase: 'load' }`. */
  load(): void;
  /** Load the definition again after `definition_failed`, past the browser's cache. */
  retry(): void;
  /**
   * Send valid values (check them first: `checkSignupValues`, or your form library's resolver);
   * resolves with the result once it is shown, or `undefined` when nothing was sent (another
   * signup is in flight, or there is no definition yet). One signup at a time.
   */
  submit(values: SignupFormValues): Promise<SignupResult | undefined>;
  /**
   * Show a result that came another way: the outcome of the form posted without JavaScript
   * (`signupOutcomeResult(readSignupOutcome(url))`), a status or the error to tie to its field.
   * The address is not in it, so the success names none.
   */
  show(result: SignupResult): void;
}

/**
 * The signup form's states and rules, framework-free: loading → ready → submitting →
 * subscribed / pending_confirmation / error, a consent text or preference list that changed
 * reloaded in the background, the proxy's `Retry-After` in its messages, its errors tied to
 * fields. React glues it with `useSyncExternalStore`; any other UI can too.
 *
 * @example
 * const controller = createSignupController({ client: createSignupClient({ endpoint: '/api/signup' }), messages: () => englishMessages });
 * controller.subscribe(() => render(controller.getSnapshot()));
 * controller.load();
 */
export function createSignupController(options: SignupControllerOptions): SignupController {
  const { client } = options;
  const listeners = new Set<() => void>();
  let loads = options.definition ? 0 : -1; // the attempt whose load has started
  let busy = false;
  let loadError: SignupError | undefined;
  let phase: 'idle' | 'submitting' | 'subscribed' | 'pending_confirmation' | 'error' = 'idle';
  let snapshot: SignupSnapshot = derive({
    state: 'loading', definition: options.definition, issues: [], error: undefined,
    submittedEmail: undefined, queued: false, consentUpdated: false, attempt: 0,
  });

  // The state follows from the rest: a failed load, no definition yet, or the submit's phase.
  function derive(next: SignupSnapshot): SignupSnapshot {
    return { ...next, state: loadError ? 'definition_failed' : !next.definition ? 'loading' : phase === 'idle' ? 'ready' : phase };
  }
  function update(change: Partial<SignupSnapshot>): void {
    snapshot = derive({ ...snapshot, ...change });
    for (const listener of [...listeners]) listener();
  }
  const callbacks = () => options.callbacks?.() ?? {};
  const show = (result: SignupResult) => (typeof result === 'string' ? succeed(result) : fail(result));
  // A queued signup on a double opt-in list still ends in a confirmation email.
  function succeed(status: SignupStatus, submittedEmail?: string): void {
    phase = status === 'pending_confirmation' || (status === 'queued' && snapshot.definition?.doubleOptIn) ? 'pending_confirmation' : 'subscribed';
    update({ issues: [], error: undefined, submittedEmail, queued: status === 'queued' });
  }
  function fail(error: SignupError, definition = snapshot.definition): void {
    phase = 'error';
    update({ definition, error, issues: issuesFromError(error, definition, options.messages()), consentUpdated: snapshot.consentUpdated || error.code === 'consent_mismatch' });
  }

  function load(): void {
    // The form is shown: the proof of work (if the proxy asks one) is solved while the visitor types
    // (a loaded definition starts it in client.loadDefinition; one the page came with, here).
    if (snapshot.definition) client.prepare?.(snapshot.definition);
    if (loads === snapshot.attempt) return;
    const attempt = (loads = snapshot.attempt);
    client.loadDefinition({ fresh: attempt > 0 }).then(
      (definition) => attempt === snapshot.attempt && ((loadError = undefined), update({ definition })),
      (cause: unknown) => {
        if (attempt !== snapshot.attempt) return;
        loadError = toSignupError(cause);
        update({ error: loadError });
        notify(callbacks().onError, loadError, { phase: 'load' }); // once per attempt, as load() runs once per attempt
      },
    );
  }

  const submitting: SubmitContext = {
    client,
    callbacks,
    pageUrl: options.pageUrl,
    now: options.now,
    succeed,
    failed(cause, definition) {
      const failure = toSignupError(cause);
      fail(failure, definition);
      notify(callbacks().onError, failure, { phase: 'submit' });
      return failure;
    },
  };

  if (options.result) show(options.result);

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,
    retry() {
      loadError = undefined;
      update({ definition: undefined, error: undefined, attempt: snapshot.attempt + 1 });
      load();
    },
    async submit(values) {
      const { definition } = snapshot;
      if (busy || !definition) return undefined; // one signup in flight at a time
      busy = true;
      phase = 'submitting';
      update({});
      try {
        // What a submit does is in the chunk the form loaded when it was shown (signup-sender.ts).
        return await loadSender().then((sender) => sender.submitSignupValues(values, definition, submitting), (cause: unknown) => submitting.failed(cause, definition));
      } finally {
        busy = false;
      }
    },
    show,
  };
}
