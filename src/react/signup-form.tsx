'use client';
import { useId, type CSSProperties } from 'react';
import { englishMessages, isPreferenceCategory, type FormPreference, type SignupMessages } from '../core/index.js';
import { signupFormStyles } from './signup-form-styles.js';
import { useSignupForm, type UseSignupFormOptions } from './use-signup-form.js';

/** Props of {@link SignupForm}. */
export interface SignupFormProps extends UseSignupFormOptions {
  /** Override any built-in string. */
  messages?: Partial<SignupMessages>;
  className?: string;
  style?: CSSProperties;
  /** Leave out the default stylesheet; style the stable `dd-signup__*` classes yourself. */
  unstyled?: boolean;
}

/**
 * The newsletter signup form: email, the account's public marketing preferences, the
 * consent text, and a clear success or error message.
 *
 * @example
 * <SignupForm endpoint="/api/signup" />
 */
export function SignupForm(props: SignupFormProps) {
  if (typeof props.endpoint !== 'string' || props.endpoint.trim() === '') {
    throw new TypeError("SignupForm: `endpoint` is required — the URL of your signup proxy, e.g. '/api/signup' (see README, 'Run the proxy').");
  }
  const id = useId();
  const messages: SignupMessages = { ...englishMessages, ...props.messages, errors: { ...englishMessages.errors, ...props.messages?.errors } };
  const { state, definition, form, onSubmit, error, submittedEmail, retry } = useSignupForm(props);
  const { register, formState } = form;
  const emailError = formState.errors.email?.message;
  const className = ['dd-signup', props.className].filter(Boolean).join(' ');
  const styles = props.unstyled ? null : <style>{signupFormStyles}</style>;

  if (state === 'loading' || state === 'definition_failed' || !definition) {
    return (
      <div className={className} style={props.style} data-state={state}>
        {styles}
        {state === 'definition_failed' ? (
          <div className="dd-signup__status dd-signup__status--error" role="alert">
            <p>{messages.definitionFailed}</p>
            <button type="button" className="dd-signup__button" onClick={retry}>{messages.retry}</button>
          </div>
        ) : (
          <p className="dd-signup__placeholder" aria-busy="true">{messages.loading}</p>
        )}
      </div>
    );
  }

  const checkbox = (preference: FormPreference) => (
    <div className="dd-signup__checkbox" key={preference.id}>
      <input type="checkbox" id={`${id}-pref-${preference.id}`} value={String(preference.id)} {...register('preferences')} />
      <label htmlFor={`${id}-pref-${preference.id}`}>{preference.label}</label>
    </div>
  );
  const done = state === 'subscribed' || state === 'pending_confirmation';

  return (
    <form className={className} style={props.style} data-state={state} noValidate onSubmit={onSubmit}>
      {styles}
      <div role="status" aria-live="polite">
        {done ? (
          <div className="dd-signup__status">
            <p>{state === 'pending_confirmation' ? messages.pendingConfirmation(submittedEmail ?? '') : messages.subscribed}</p>
          </div>
        ) : null}
      </div>
      {state === 'error' && error ? (
        <div className="dd-signup__status dd-signup__status--error" role="alert">
          <p>{messages.errors[error.code]}</p>
        </div>
      ) : null}
      {done ? null : (
        <>
          <div className="dd-signup__field">
            <label className="dd-signup__label" htmlFor={`${id}-email`}>{messages.emailLabel}</label>
            {emailError ? (
              <p className="dd-signup__error" id={`${id}-email-error`}>
                <span className="dd-signup__visually-hidden">{messages.errorPrefix} </span>{emailError}
              </p>
            ) : null}
            <input
              className="dd-signup__input"
              id={`${id}-email`}
              type="email"
              autoComplete="email"
              spellCheck={false}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
              {...register('email', {
                validate: (value) => (value.trim() === '' ? messages.errors.missing_email : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) || messages.errors.invalid_email),
              })}
            />
          </div>
          {definition.preferences.length > 0 ? (
            <fieldset className="dd-signup__fieldset">
              <legend className="dd-signup__legend">{messages.preferencesLegend}</legend>
              {definition.preferences.map((item) =>
                isPreferenceCategory(item) ? (
                  <fieldset className="dd-signup__fieldset" key={`c${item.id}`}>
                    <legend className="dd-signup__legend">{item.label}</legend>
                    {item.preferences.map(checkbox)}
                  </fieldset>
                ) : (
                  checkbox(item)
                ),
              )}
            </fieldset>
          ) : null}
          <p className="dd-signup__consent">{definition.consent.text}</p>
          <div className="dd-signup__honeypot" aria-hidden="true">
            <label htmlFor={`${id}-hp`}>Leave this empty</label>
            <input id={`${id}-hp`} type="text" tabIndex={-1} autoComplete="off" {...register('honeypot')} />
          </div>
          <button type="submit" className="dd-signup__button" aria-disabled={state === 'submitting' || undefined}>
            {state === 'submitting' ? messages.submitting : messages.submit}
          </button>
        </>
      )}
    </form>
  );
}
