// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Controller, FormProvider, useFormContext } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSignupForm, type SignupFormValues } from '../../src/index.js';
import { Checkbox } from '../../src/demo/kit/checkbox.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { DEFINITION, scriptedFetch, widgetFetch } from '../support/widget-fixture.js';

afterEach(cleanup);

// useSignupForm()'s `form` is react-hook-form's own UseFormReturn: it goes into <FormProvider>
// (what shadcn/ui's <Form> is), its `control` into <Controller>, and useFormContext() reads it.
function EmailInput() {
  const { register, formState } = useFormContext<SignupFormValues>();
  return (
    <>
      <label htmlFor="e">Email</label>
      <input id="e" type="email" {...register('email')} />
      {formState.errors.email ? <p role="alert">{formState.errors.email.message}</p> : null}
    </>
  );
}

function KitSignup({ fetch, wiring = 'controller' }: { fetch: typeof globalThis.fetch; wiring?: 'controller' | 'register' }) {
  const { state, definition, messages, form, onSubmit, issues } = useSignupForm({ endpoint: '/api/signup', fetch });
  if (!definition || !messages) return <p>…</p>;
  return (
    <FormProvider {...form}>
      <form data-state={state} onSubmit={onSubmit} noValidate>
        <EmailInput />
        {[2, 3, 5].map((id) => (
          <div key={id}>
            {wiring === 'controller' ? (
              <Controller control={form.control} name={`preferences.p${id}`} render={({ field }) => (
                <Checkbox id={`p${id}`} checked={field.value === true} onCheckedChange={field.onChange} />
              )} />
            ) : (
              // What the issue's user tried: a button checkbox given register(). Its value cannot be read.
              <Checkbox id={`p${id}`} {...(form.register(`preferences.p${id}`) as object)} />
            )}
            <label htmlFor={`p${id}`}>{`Choice ${id}`}</label>
          </div>
        ))}
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
        <ul>{issues.map((issue) => <li key={issue.code}>{issue.message}</li>)}</ul>
        <button type="submit">{messages.submit}</button>
        {state === 'subscribed' ? <p>{messages.subscribedTitle}</p> : null}
      </form>
    </FormProvider>
  );
}

describe('useSignupForm with react-hook-form UI kits', () => {
  it('FormProvider, useFormContext and button checkboxes through Controller: ticks are sent, unticks are not', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    render(<KitSignup fetch={widgetFetch(handler)} />);
    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your email address'); // the resolver's message, via formState
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

  it('never drops ticked preferences silently: a button checkbox given register() stops the submit and says how to fix it', async () => {
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
    expect(error.mock.calls.flat().join(' ')).toContain('must be wired through <Controller>');
  });
});
