'use client';
import { useEffect, useId, useRef, type CSSProperties } from 'react';
import { englishMessages } from '../core/messages.js';
import { ConsentStatement } from './consent-statement.js';
import { DataField } from './data-field.js';
import { EmailField } from './email-field.js';
import { ErrorSummary } from './error-summary.js';
import { HoneypotField } from './honeypot-field.js';
import { LoadingPlaceholder } from './loading-placeholder.js';
import { PreferenceFieldset } from './preference-fieldset.js';
import { cx, issueTarget, signupFormIds } from './signup-form-ids.js';
import { definitionFailedMessage } from '../core/signup-issue.js';
import { textDirection } from '../core/locales/text-direction.js';
import type { SignupStatus } from '../core/signup-client.js';
import type { SignupError } from '../core/signup-error.js';
import type { PostedFormInputs, usePostedOutcome } from './posted-form.js';
import { signupFormStyles } from './signup-form-styles.js';
import { SignupStatusPanel } from './signup-status-panel.js';
import { formLocale, useSignupFormBase, type UseSignupFormOptions } from './use-signup-form.js';

/** Props of {@link SignupForm}. */
export interface SignupFormProps extends UseSignupFormOptions {
  /** Added to the root element (which always has `dd-signup`). */
  className?: string;
  /** Inline style of the root element, e.g. `{ '--dd-accent': '#7b2d8b' }`. */
  style?: CSSProperties;
  /** Leave out the default stylesheet; style the stable `dd-signup__*` classes yourself. */
  unstyled?: boolean;
  /** Your Content-Security-Policy nonce, put on the form's `<style>` (README, "Strict CSP and several forms"). */
  nonce?: string;
}

/**
 * What `<ServerSignupForm>` adds to the markup (src/react/posted-form.tsx), handed in so that
 * `<SignupForm>` alone never carries it: an app that renders the form in the browser only has no
 * use for it, and the size budgets no room.
 */
export interface PostedFormParts {
  Inputs: typeof PostedFormInputs;
  useOutcome: typeof usePostedOutcome;
  pageUrl: string | undefined;
  /** The outcome the server rendered (`signupOutcomeResult(outcome)`). */
  shown: SignupStatus | SignupError | undefined;
}

/**
 * The newsletter signup form: email, the account's public marketing preferences, the
 * consent statement, and a clear success or error message. Its state is on the root
 * element as `data-state`.
 *
 * @example
 * <SignupForm endpoint="/api/signup" locale="de" onSuccess={({ status }) => track('signup', status)} />
 */
export function SignupForm(props: SignupFormProps) {
  return useSignupFormMarkup(props);
}

/**
 * {@link SignupForm}'s markup and state, with `posted` the parts of a form that works before its
 * script (`<ServerSignupForm>`'s).
 *
 * @example
 * return useSignupFormMarkup(props, { Inputs: PostedFormInputs, useOutcome: usePostedOutcome, pageUrl, shown: undefined });
 */
export function useSignupFormMarkup(props: SignupFormProps, posted?: PostedFormParts) {
  if (typeof props.endpoint !== 'string' || props.endpoint.trim() === '') {
    throw new TypeError("SignupForm: `endpoint` is required — the URL of your signup proxy, e.g. '/api/signup' (see README, 'Run the proxy').");
  }
  // Also the form's id in the proxy's answer to a post without JavaScript: `#id` after the outcome.
  const id = useId();
  const ids = signupFormIds(id);
  const { state, definition, messages, form, onSubmit, issues, error, submittedEmail, queued, retry, consentUpdated, showResult } = useSignupFormBase(props, undefined, posted?.shown);
  // Issues outlive the failed submit (`issues` is the last submit's); they show only while it is the current state.
  const shownIssues = state === 'error' ? issues : [];
  const inline = (field: string) => shownIssues.find((issue) => issue.field === field);
  const done = state === 'subscribed' || state === 'pending_confirmation';

  // After "Try again" brought the form back, put the visitor where they were heading.
  const retried = useRef(false);
  useEffect(() => {
    if (state !== 'ready' || !retried.current) return;
    retried.current = false;
    form.setFocus('email');
  }, [state, form]);

  posted?.useOutcome(id, showResult); // always or never for a given component, as hooks must be

  let body = null;
  if (state === 'loading' || !messages) {
    body = <LoadingPlaceholder messages={messages ?? englishMessages} />;
  } else if (definition && !done && state !== 'definition_failed') {
    body = (
      // Posted by the browser itself before the script runs (when `posted`), the proxy answers 303 back here.
      <form className="dd-signup__form" method="post" action={posted && props.endpoint} noValidate onSubmit={onSubmit}>
        {shownIssues.length > 0 ? (
          <ErrorSummary issues={shownIssues} messages={messages} targetOf={(issue) => issueTarget(issue, ids, definition)} onRetry={() => void onSubmit()} />
        ) : null}
        <EmailField ids={ids} messages={messages} register={form.register} issue={inline('email')} />
        {definition.fields.map((field) => (
          <DataField key={field.name} field={field} ids={ids} messages={messages} register={form.register} issue={inline(`fields.${field.name}`)} />
        ))}
        {definition.preferences.length > 0 ? (
          <PreferenceFieldset preferences={definition.preferences} ids={ids} messages={messages} register={form.register} issue={inline('preferences')} />
        ) : null}
        <ConsentStatement text={definition.consent.text} lang={definition.locale} ids={ids} messages={messages} updated={consentUpdated} issue={inline('consent')} />
        <HoneypotField id={ids.honeypot} register={form.register} />
        {posted ? <posted.Inputs definition={definition} formId={id} pageUrl={posted.pageUrl} locale={formLocale(props)} /> : null}
        <button type="submit" className="dd-signup__button" aria-disabled={state === 'submitting' || undefined} aria-describedby={ids.consent}>
          {state === 'submitting' ? <span className="dd-signup__spinner" aria-hidden="true" /> : null}
          {state === 'submitting' ? messages.submitting : messages.submit}
        </button>
      </form>
    );
  }

  return (
    <div className={cx('dd-signup', props.className)} style={props.style} data-state={state} lang={messages?.locale} dir={messages && textDirection(messages)}>
      {/* Once per document on React 19, once per form on React 18 (signup-form-styles.ts says why). As HTML,
          not a text child: React 18's server renderer would escape the quotes in it. */}
      {props.unstyled ? null : <style href="dd-signup" precedence="dd-signup" nonce={props.nonce} dangerouslySetInnerHTML={{ __html: signupFormStyles }} />}
      {/* Present from the first render, so screen readers announce what appears in it. */}
      <div className="dd-signup__status" role="status" id={posted && id}>
        {state === 'definition_failed' && messages ? (
          <div className="dd-signup__notice">
            <p className="dd-signup__notice-text">{definitionFailedMessage(error, messages)}</p>
            <button type="button" className="dd-signup__button dd-signup__button--secondary" onClick={() => ((retried.current = true), retry())}>
              {messages.retry}
            </button>
          </div>
        ) : null}
        {done && messages ? <SignupStatusPanel pending={state === 'pending_confirmation'} queued={queued} email={submittedEmail ?? ''} messages={messages} /> : null}
      </div>
      {body}
    </div>
  );
}
