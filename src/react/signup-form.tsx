'use client';
import { useEffect, useId, useRef, type CSSProperties } from 'react';
import { englishMessages } from '../core/messages.js';
import { definitionFailedMessage } from '../core/signup-issue.js';
import { ConsentStatement } from './consent-statement.js';
import { DataField } from './data-field.js';
import { EmailField } from './email-field.js';
import { ErrorSummary } from './error-summary.js';
import { HoneypotField } from './honeypot-field.js';
import { LoadingPlaceholder } from './loading-placeholder.js';
import { PostedFormInputs, usePostedOutcome } from './posted-form.js';
import { PreferenceFieldset } from './preference-fieldset.js';
import { cx, issueTarget, signupFormIds } from './signup-form-ids.js';
import { textDirection } from '../core/locales/text-direction.js';
import { signupFormStyles } from './signup-form-styles.js';
import { SignupStatusPanel } from './signup-status-panel.js';
import type { UseSignupFormOptions } from './use-signup-form-options.js';
import { useSignupFormState } from './use-signup-form-state.js';

/** Props of {@link SignupForm}. */
export interface SignupFormProps extends UseSignupFormOptions {
  /**
   * The form's id, the start of every id inside it, and the fragment of the URL the proxy sends a
   * form posted without JavaScript back to. Give one that is unique on the page to keep it the same
   * whatever renders it (React 18's `useId()` and 19's differ); default `useId()`.
   */
  id?: string;
  /**
   * The page's URL, for the form posted before its script runs: the consent record's page and
   * where the proxy sends the visitor back to. Without it the proxy takes the `Referer`, which
   * browsers send whole only to the page's own origin (to another, the origin alone: their
   * default `strict-origin-when-cross-origin`), so give it when the proxy is on another origin.
   */
  pageUrl?: string;
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
 * The newsletter signup form: email, the account's public marketing preferences, the consent
 * statement, and a clear success or error message; its state is on the root element as
 * `data-state`. Given its `definition` (server rendering), it is a real `<form method="post"
 * action={endpoint}>` that works before its script has run, or without one: the proxy answers
 * `303` back to the page with the outcome in the URL, which the form shows (`outcome` on the
 * server; in the browser it reads `location` when the fragment is its id, then takes it out).
 *
 * @example
 * <SignupForm endpoint="/api/signup" locale="de" onSuccess={({ status }) => track('signup', status)} />
 */
export function SignupForm(props: SignupFormProps) {
  if (typeof props.endpoint !== 'string' || props.endpoint.trim() === '') {
    throw new TypeError("SignupForm: `endpoint` is required — the URL of your signup proxy, e.g. '/api/signup' (see README, 'Run the proxy').");
  }
  const generated = useId();
  const id = props.id ?? generated;
  const ids = signupFormIds(id);
  // Its own controls are inputs react-hook-form reads through register(): what useSignupForm() adds for other markup, it needs none of.
  const [{ state, definition, messages, form, submit, issues, error, submittedEmail, queued, retry, consentUpdated, showResult }] = useSignupFormState(props);
  usePostedOutcome(id, showResult);
  // Issues stay in react-hook-form while the next submit is out; they show only in the error state.
  const inline = (field: string) => (state === 'error' ? issues.find((issue) => issue.field === field) : undefined);
  const done = state === 'subscribed' || state === 'pending_confirmation';

  // After "Try again" brought the form back, put the visitor where they were heading.
  const retried = useRef(false);
  useEffect(() => {
    if (state !== 'ready' || !retried.current) return;
    retried.current = false;
    form.setFocus('email');
  }, [state, form]);

  let body = null;
  if (state === 'loading' || !messages) {
    body = <LoadingPlaceholder messages={messages ?? englishMessages} />;
  } else if (definition && !done && state !== 'definition_failed') {
    const { defaultValues } = props;
    body = (
      // Posted by the browser itself before the script runs, the proxy answers 303 back here.
      <form className="dd-signup__form" method="post" action={props.endpoint} noValidate onSubmit={submit}>
        {state === 'error' ? (
          // Remounted by each submit, so it takes focus again.
          <ErrorSummary key={form.formState.submitCount} issues={issues} messages={messages} targetOf={(issue) => issueTarget(issue, ids, definition)} onRetry={() => void submit()} />
        ) : null}
        <EmailField ids={ids} messages={messages} register={form.register} issue={inline('email')} defaultValue={defaultValues?.email} />
        {definition.fields.map((field) => (
          <DataField key={field.name} field={field} ids={ids} messages={messages} register={form.register} issue={inline(`fields.${field.name}`)} defaultValue={defaultValues?.fields?.[field.name]} />
        ))}
        {definition.preferences.length > 0 ? (
          <PreferenceFieldset preferences={definition.preferences} ids={ids} messages={messages} register={form.register} issue={inline('preferences')} />
        ) : null}
        <ConsentStatement text={definition.consent.text} ids={ids} messages={messages} updated={consentUpdated} issue={inline('consent')} />
        <HoneypotField id={ids.honeypot} register={form.register} />
        <PostedFormInputs definition={definition} formId={id} form={props} />
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
      {/* Present from the first render, so screen readers announce what appears in it; the URL's fragment after a post. */}
      <div className="dd-signup__status" role="status" id={id}>
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
