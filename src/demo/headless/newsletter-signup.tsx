'use client';
import { useId } from 'react';
import { ConsentStatement, ErrorSummary, HoneypotField, issueTarget, SignupStatusPanel, signupFormIds, useSignupForm, type FormDefinition } from 'dotdigital-signup';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

type Choice = FormDefinition['preferences'][number];

export function NewsletterSignup() {
  const { state, definition, messages, form, onSubmit, issues, submittedEmail, queued, retry, consentUpdated } = useSignupForm({ endpoint: '/api/signup' });
  const ids = signupFormIds(useId());
  if (!messages || state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state === 'definition_failed') {
    return (
      <div role="status">
        <p>{messages.definitionFailed}</p>
        <Button variant="outline" onClick={retry}>{messages.retry}</Button>
      </div>
    );
  }
  if (state === 'subscribed' || state === 'pending_confirmation') {
    return <div role="status"><SignupStatusPanel pending={state === 'pending_confirmation'} queued={queued} email={submittedEmail!} messages={messages} /></div>;
  }
  const choice = (item: Choice) => (
    <FormField key={item.id} control={form.control} name={`preferences.p${item.id}`} render={({ field }) => (
      <FormItem id={ids.preference(item.id)} className="kit-choice">
        <FormControl>
          <Checkbox checked={field.value === true} onCheckedChange={field.onChange} onBlur={field.onBlur} />
        </FormControl>
        <FormLabel>{item.label}</FormLabel>
      </FormItem>
    )} />
  );
  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate data-state={state} className="kit-form">
        {state === 'error' ? (
          <ErrorSummary issues={issues} messages={messages} targetOf={(issue) => issueTarget(issue, ids, definition!)} onRetry={() => void onSubmit()} />
        ) : null}
        <FormField control={form.control} name="email" render={({ field }) => (
          <FormItem id={ids.email}>
            <FormLabel>{messages.emailLabel}</FormLabel>
            <FormMessage prefix={messages.errorPrefix} />
            <FormControl>
              <Input type="email" autoComplete="email" spellCheck={false} {...field} />
            </FormControl>
          </FormItem>
        )} />
        <fieldset className="kit-fieldset">
          <legend className="kit-legend">{messages.preferencesLegend}</legend>
          {definition!.preferences.map((item) => ('preferences' in item ? (
            <fieldset key={`c${item.id}`} className="kit-fieldset">
              <legend className="kit-legend kit-legend--small">{item.label}</legend>
              {item.preferences.map(choice)}
            </fieldset>
          ) : choice(item)))}
        </fieldset>
        <ConsentStatement text={definition!.consent.text} ids={ids} messages={messages} updated={consentUpdated} issue={issues.find((issue) => issue.field === 'consent')} />
        {/* People never see it, bots fill it in: the proxy drops their signups. */}
        <HoneypotField id={ids.honeypot} register={form.register} />
        <Button type="submit" aria-disabled={state === 'submitting' || undefined} aria-describedby={ids.consent}>
          {state === 'submitting' ? messages.submitting : messages.submit}
        </Button>
      </form>
    </Form>
  );
}
