'use client';
import { HoneypotField, useSignupForm } from 'dotdigital-signup';

export function NewsletterSignup() {
  const { state, definition, messages, form, submit, issues, submittedEmail, retry } = useSignupForm({ endpoint: '/api/signup' });
  if (!messages || state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state === 'definition_failed') {
    return (
      <div role="status">
        <p>{messages.definitionFailed}</p>
        <button type="button" onClick={retry}>{messages.retry}</button>
      </div>
    );
  }
  if (state === 'subscribed') return <p role="status">{messages.subscribed(submittedEmail!)}</p>;
  if (state === 'pending_confirmation') return <p role="status">{messages.pendingConfirmation(submittedEmail!)}</p>;
  const preferences = definition!.preferences.flatMap((item) => ('preferences' in item ? item.preferences : [item]));
  return (
    <form onSubmit={submit} data-state={state} noValidate>
      {state === 'error' ? <ul role="alert">{issues.map((issue) => <li key={issue.field ?? issue.code}>{issue.message}</li>)}</ul> : null}
      <label htmlFor="signup-email">{messages.emailLabel}</label>
      <input id="signup-email" type="email" autoComplete="email" {...form.register('email')} />
      <fieldset>
        <legend>{messages.preferencesLegend}</legend>
        {preferences.map((preference) => (
          <label key={preference.id}>
            <input type="checkbox" {...form.register(`preferences.p${preference.id}`)} /> {preference.label}
          </label>
        ))}
      </fieldset>
      <p>{definition!.consent.text}</p> {/* the consent record says the visitor saw this text: show it */}
      <HoneypotField id="signup-honeypot" register={form.register} /> {/* bots fill it in; the proxy drops them */}
      <button type="submit" aria-disabled={state === 'submitting'}>
        {state === 'submitting' ? messages.submitting : messages.submit}
      </button>
    </form>
  );
}
