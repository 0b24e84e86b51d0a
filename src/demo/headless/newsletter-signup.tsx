'use client';
import { useId } from 'react';
import { z } from 'zod';
import { ConsentStatement, definitionFailedMessage, ErrorSummary, HoneypotField, issueTarget, SignupStatusPanel, signupFormIds, useSignupForm, type FormDefinition } from 'dotdigital-signup';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

// Your own rules, with your own words: checked after the built-in ones, and nothing is sent while one fails.
const schema = z.object({
  email: z.string().refine((email) => !/@mailinator\.com\s*$/i.test(email), 'Enter an address you will keep: we do not send to disposable mailboxes'),
});

type Choice = FormDefinition['preferences'][number];

export function NewsletterSignup() {
  const { state, definition, messages, form, submit, issues, error, submittedEmail, queued, retry, consentUpdated } = useSignupForm({ endpoint: '/api/signup', schema });
  const ids = signupFormIds(useId());
  if (!messages || state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state === 'definition_failed') {
    return (
      <div role="status">
        <p>{definitionFailedMessage(error, messages)}</p>
        <Button variant="outline" onClick={retry}>{messages.retry}</Button>
      </div>
    );
  }
  if (state === 'subscribed' || state === 'pending_confirmation') {
    return <div role="status"><SignupStatusPanel pending={state === 'pending_confirmation'} queued={queued} email={submittedEmail!} messages={messages} /></div>;
  }
  const choice = (item: Choice) => (
    <FormField key={item.id} control={form.control} name={`preferences.p${item.id}`} render={({ field }) => (
      // The id on <FormItem> is its wrapper's: the error summary's link moves focus to the control inside.
      <FormItem id={ids.preference(item.id)} className="flex flex-row items-center gap-3">
        <FormControl>
          <Checkbox checked={field.value === true} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />
        </FormControl>
        <FormLabel className="font-normal">{item.label}</FormLabel>
      </FormItem>
    )} />
  );
  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate data-state={state} className="grid gap-6">
        {state === 'error' ? (
          <ErrorSummary key={form.formState.submitCount} issues={issues} messages={messages} targetOf={(issue) => issueTarget(issue, ids, definition!)} onRetry={() => void submit()} />
        ) : null}
        <FormField control={form.control} name="email" render={({ field }) => (
          <FormItem id={ids.email}>
            <FormLabel>{messages.emailLabel}</FormLabel>
            <FormMessage />
            <FormControl>
              <Input type="email" autoComplete="email" spellCheck={false} {...field} />
            </FormControl>
          </FormItem>
        )} />
        <fieldset className="grid gap-3">
          <legend className="mb-3 text-sm font-medium">{messages.preferencesLegend}</legend>
          {definition!.preferences.map((item) => ('preferences' in item ? (
            <fieldset key={`c${item.id}`} className="grid gap-3">
              <legend className="mb-2 text-xs font-medium uppercase text-muted-foreground">{item.label}</legend>
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
