// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Controller, useFormContext } from 'react-hook-form';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { englishMessages, useSignupForm, type SignupFormValues, type UseSignupFormOptions } from '../../src/index.js';
import { Checkbox } from '../../src/demo/components/ui/checkbox.js';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from '../../src/demo/components/ui/form.js';
import { Input } from '../../src/demo/components/ui/input.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { DEFINITION, errorAnswer, scriptedFetch, widgetFetch } from '../support/widget-fixture.js';

// useSignupForm() with shadcn/ui's own generated files (src/demo/components/ui: Form, FormField,
// FormItem, FormControl, FormMessage, Input, and a Checkbox that is Radix's <button role="checkbox">):
// react-hook-form's `form` is the one source of the values, the errors and the submit state.
beforeAll(() => {
  // Radix measures its checkbox's hidden input; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(cleanup);

/** react-hook-form's formState, as a shadcn/ui page would read it. */
function FormStateProbe() {
  const { formState } = useFormContext<SignupFormValues>();
  const { errors } = formState;
  const types = Object.fromEntries([['email', errors.email?.type], ['root.server', errors.root?.server?.type], ['preferences', errors.preferences?.type]].filter(([, type]) => type));
  return <output data-testid="form-state">{JSON.stringify({ submitted: formState.isSubmitted, successful: formState.isSubmitSuccessful, errors: types })}</output>;
}
const formState = () => JSON.parse(screen.getByTestId('form-state').textContent!) as { submitted: boolean; successful: boolean; errors: Record<string, string> };

function KitSignup({ wiring = 'controller', ...options }: Partial<UseSignupFormOptions> & { fetch: typeof fetch; wiring?: 'controller' | 'register' }) {
  const { state, definition, messages, form, submit, issues } = useSignupForm({ endpoint: '/api/signup', ...options });
  if (!definition || !messages) return <p>…</p>;
  return (
    <Form {...form}>
      <form data-state={state} onSubmit={submit} noValidate>
        <FormField control={form.control} name="email" render={({ field }) => (
          <FormItem>
            <FormLabel>Email</FormLabel>
            <FormControl>
              <Input type="email" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )} />
        {[2, 3, 5].map((id) => (wiring === 'controller' ? (
          <FormField key={id} control={form.control} name={`preferences.p${id}`} render={({ field }) => (
            <FormItem>
              <FormControl>
                <Checkbox checked={field.value === true} onCheckedChange={field.onChange} />
              </FormControl>
              <FormLabel>{`Choice ${id}`}</FormLabel>
            </FormItem>
          )} />
        ) : (
          // What the issue's user tried: a Radix checkbox given register(). Its ticks cannot be read.
          <div key={id}>
            <Checkbox id={`p${id}`} {...form.register(`preferences.p${id}`)} />
            <label htmlFor={`p${id}`}>{`Choice ${id}`}</label>
          </div>
        )))}
        {definition.fields.map((field) => (
          <Controller key={field.name} control={form.control} name={`fields.${field.name}`} render={({ field: control }) => (
            <label>
              {field.label}
              <select value={String(control.value ?? '')} onChange={(event) => control.onChange(event.target.value)}>
                <option value="">Choose…</option>
                <option value="DE">Germany</option>
                <option value="NL">Netherlands</option>
              </select>
            </label>
          )} />
        ))}
        <ul aria-label="issues">{issues.map((issue) => <li key={issue.field ?? issue.code}>{issue.message}</li>)}</ul>
        <button type="submit">{messages.submit}</button>
        {state === 'subscribed' ? <p>{messages.subscribedTitle}</p> : null}
        <FormStateProbe />
      </form>
    </Form>
  );
}

describe('useSignupForm with shadcn/ui and Radix', () => {
  it('Radix checkboxes through <FormField>: ticks are sent, unticks are not; the resolver’s message is in <FormMessage>', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    render(<KitSignup fetch={widgetFetch(handler)} />);
    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter your email address', { selector: '[data-slot="form-message"]' })).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Email'), 'kit@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Choice 2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Choice 3' }));
    await user.click(screen.getByRole('checkbox', { name: 'Choice 3' }));
    screen.getByRole('checkbox', { name: 'Choice 5' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'Choice 5' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect([...mock.store.contacts.get('kit@example.com')!.optedIn].sort()).toEqual([2, 5]);
  });

  it('a select through Controller sends its data field', async () => {
    const definition = { ...DEFINITION, fields: [{ name: 'COUNTRY', label: 'Country', type: 'String' as const, required: true }] };
    const proxy = scriptedFetch({ get: [{ status: 200, body: definition }] });
    const user = userEvent.setup();
    render(<KitSignup fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email'), 'sel@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter country')).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Country'), 'NL');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(proxy.posts()[0]!.body).toMatchObject({ email: 'sel@example.com', fields: { COUNTRY: 'NL' } });
  });

  it('never drops ticked preferences silently: a Radix checkbox given register() stops the submit and says how to fix it', async () => {
    const proxy = scriptedFetch({});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    render(<KitSignup fetch={proxy.fetch} wiring="register" />);
    await user.type(await screen.findByLabelText('Email'), 'reg@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Choice 2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Choice 5' }));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(screen.getByText('Something went wrong sending the form. Try again.')).toBeVisible());
    expect(proxy.posts()).toEqual([]); // never `"preferences": []`
    expect(error.mock.calls.flat().join(' ')).toContain('Wire a <button> checkbox (Radix, shadcn/ui) through <FormField> or <Controller>, not register()');
    expect(formState()).toMatchObject({ successful: false, errors: { preferences: 'invalid_request' } });
  });
});

describe('formState says what the form shows', () => {
  it.each([
    ['a 503', [errorAnswer(503, 'upstream_unavailable')], { 'root.server': 'upstream_unavailable' }, englishMessages.errors.upstream_unavailable],
    ['a refused address', [errorAnswer(422, 'contact_rejected', 'email')], { email: 'contact_rejected' }, englishMessages.errors.contact_rejected],
    ['a lost connection', ['network-error' as const], { 'root.server': 'network_error' }, englishMessages.errors.network_error],
  ])('after %s: not successful, the error on its field (root.server for the form), state "error"', async (_name, post, errors, message) => {
    const proxy = scriptedFetch({ post });
    const user = userEvent.setup();
    const { container } = render(<KitSignup fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email'), 'ann@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(container.querySelector('form')).toHaveAttribute('data-state', 'error'));
    expect(formState()).toEqual({ submitted: true, successful: false, errors });
    expect(within(screen.getByRole('list', { name: 'issues' })).getByRole('listitem')).toHaveTextContent(message);
    expect(proxy.posts()).toHaveLength(1);
  });

  it('after values the form refuses: not successful, nothing sent; after a signup: successful, no errors', async () => {
    const proxy = scriptedFetch({});
    const user = userEvent.setup();
    render(<KitSignup fetch={proxy.fetch} />);
    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(formState()).toEqual({ submitted: true, successful: false, errors: { email: 'missing_email' } }));
    await user.type(screen.getByLabelText('Email'), 'ann@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(formState()).toEqual({ submitted: true, successful: true, errors: {} });
    expect(proxy.posts()).toHaveLength(1);
  });
});

describe('your own rules (`schema`) and react-hook-form options', () => {
  const blocked = z.object({ email: z.string().refine((email) => !email.endsWith('@mailinator.com'), 'Use an address you will keep') });

  it('a zod rule on the email: its own message inline and in the issues, nothing sent; one check per submit', async () => {
    const proxy = scriptedFetch({});
    const validate = vi.spyOn(blocked['~standard'], 'validate');
    const user = userEvent.setup();
    render(<KitSignup fetch={proxy.fetch} schema={blocked} />);
    await user.type(await screen.findByLabelText('Email'), 'temp@mailinator.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Use an address you will keep', { selector: '[data-slot="form-message"]' })).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'issues' })).getByText('Use an address you will keep')).toBeVisible();
    expect(formState()).toMatchObject({ successful: false, errors: { email: 'invalid_email' } });
    expect(validate).toHaveBeenCalledTimes(1);
    expect(proxy.posts()).toEqual([]);

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'ann@example.com');
    expect(validate).toHaveBeenCalledTimes(1); // not while typing (GOV.UK: on submit)
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(validate).toHaveBeenCalledTimes(2);
    expect(proxy.posts()).toHaveLength(1);
  });

  it('the built-in verdict comes first: an empty address is "Enter your email address", not the site’s rule', async () => {
    const user = userEvent.setup();
    render(<KitSignup fetch={scriptedFetch({}).fetch} schema={z.object({ email: z.string().min(30, 'Too short for us') })} />);
    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter your email address', { selector: '[data-slot="form-message"]' })).toBeVisible();
    expect(screen.queryByText('Too short for us')).toBeNull();
  });

  it('reValidateMode "onChange": after a failed submit, the error goes as soon as the address is right', async () => {
    const user = userEvent.setup();
    const { container } = render(<KitSignup fetch={scriptedFetch({}).fetch} reValidateMode="onChange" />);
    await user.type(await screen.findByLabelText('Email'), 'ann@');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter an email address in the correct format, like name@example.com', { selector: '[data-slot="form-message"]' })).toBeVisible();
    await user.type(screen.getByLabelText('Email'), 'example.com');
    await waitFor(() => expect(container.querySelector('[data-slot="form-message"]')).toBeNull());
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'ready');
  });
});
