'use client';
import { useCallback, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { englishMessages } from '../core/messages.js';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupController, SignupResult } from '../core/signup-controller.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';
import { issuesFromError } from '../core/signup-issue.js';
import { signupOutcomeResult } from '../core/signup-outcome.js';
import { fieldErrorsOf, issuesOf, setIssues } from './signup-form-errors.js';
import { signupResolver } from './signup-resolver.js';
import { type UseSignupFormOptions, type UseSignupFormResult } from './use-signup-form-options.js';
import { useSignupController } from './use-signup-controller.js';
import { useSignupMessages } from './use-signup-messages.js';

/**
 * Checks the values a submit is about to send against the form they were submitted from: true
 * stops the send (react-hook-form then holds an error on `preferences`). `useSignupForm` gives
 * {@link tickLost}; `<SignupForm>`, whose own checkboxes react-hook-form always reads, none.
 */
export type SubmitGuard = (formElement: HTMLFormElement | undefined, values: SignupFormValues, definition: FormDefinition) => boolean;

/**
 * What `<SignupForm>` and `useSignupForm()` share: react-hook-form holds the values, the errors
 * and the submit state; its resolver checks them once per submit with the proxy's own zod schemas
 * (and the site's `schema`), and the proxy's answer goes in through `setError`. The framework-free
 * signup controller (core) loads the definition and sends the consent record. Returns the
 * controller beside the result, for what only markup the widget does not own needs (use-form-defaults.ts).
 *
 * @example
 * const [signup] = useSignupFormState(props); // inside SignupForm
 */
export function useSignupFormState(options: UseSignupFormOptions, guard?: SubmitGuard): [UseSignupFormResult, SignupController] {
  const messages = useSignupMessages(options.locale, options.messages);
  const wording = messages ?? englishMessages; // what issues are worded in while a language loads
  const [initial] = useState(() => options.outcome && signupOutcomeResult(options.outcome));
  const { controller, snapshot } = useSignupController({ ...options, result: initial }, messages);
  const { definition } = snapshot;
  // A server-rendered outcome's errors are there from the first render, so the HTML and the hydrated form agree.
  const [outcomeErrors] = useState(() => (snapshot.error ? fieldErrorsOf(snapshot.issues) : undefined));
  const form = useForm<SignupFormValues>({
    mode: options.mode ?? 'onSubmit',
    reValidateMode: options.reValidateMode ?? 'onSubmit', // the summary says what the last submit found, as GOV.UK's does
    defaultValues: { email: '', ...options.defaultValues }, // the controls add the rest as they register (react-hook-form copies this)
    errors: outcomeErrors,
    resolver: signupResolver(() => ({ definition, messages: wording, schema: options.schema })),
    shouldFocusError: false, // the error summary takes focus instead
  });

  const sending = useRef(false);
  const submitted = useRef<HTMLFormElement>(undefined); // the form last submitted: its boxes show what was ticked
  const submit = useCallback<UseSignupFormResult['submit']>(async (event) => {
    event?.preventDefault?.(); // before anything else: the browser must not post the form itself
    if (typeof HTMLFormElement !== 'undefined' && event?.target instanceof HTMLFormElement) submitted.current = event.target;
    if (sending.current) return; // one signup at a time: pressing again sends nothing
    sending.current = true;
    try {
      await form.handleSubmit(async (values) => {
        const { definition } = controller.getSnapshot();
        if (definition && guard?.(submitted.current, values, definition)) {
          form.setError('preferences', { type: 'invalid_request', message: wording.errors.invalid_request });
          return;
        }
        // The place where what the form sends is settled: the controller builds the request and posts it.
        const result = await controller.submit(values);
        if (result !== undefined && typeof result !== 'string') setIssues(form, issuesFromError(result, controller.getSnapshot().definition, wording));
      })();
    } finally {
      sending.current = false;
    }
  }, [controller, form, wording, guard]);

  const showResult = useCallback((result: SignupResult) => {
    controller.show(result);
    if (typeof result === 'string') form.clearErrors();
    else setIssues(form, issuesFromError(result, controller.getSnapshot().definition, wording));
  }, [controller, form, wording]);

  const { errors, isSubmitting } = form.formState;
  const issues = issuesOf(errors, definition);
  let state = snapshot.state;
  if (!messages) state = 'loading';
  else if (state === 'ready' || state === 'error' || state === 'submitting') state = isSubmitting ? 'submitting' : issues.length > 0 ? 'error' : 'ready';
  const result: UseSignupFormResult = {
    state,
    definition,
    messages,
    form,
    submit,
    issues,
    error: snapshot.error,
    submittedEmail: snapshot.submittedEmail,
    queued: snapshot.queued,
    retry: controller.retry,
    consentUpdated: snapshot.consentUpdated,
    showResult,
  };
  return [result, controller];
}
