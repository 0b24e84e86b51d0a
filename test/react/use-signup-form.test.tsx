// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { useSignupForm } from '../../src/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { widgetFetch } from '../support/widget-fixture.js';

afterEach(cleanup);

/** A site's own markup over the headless hook. */
function CustomSignup({ fetch }: { fetch: typeof globalThis.fetch }) {
  const { state, definition, messages, form, submit, issues } = useSignupForm({ endpoint: '/api/signup', locale: 'fr', fetch });
  if (!definition || !messages) return <p data-state={state}>…</p>;
  return (
    <form data-state={state} onSubmit={submit} noValidate>
      <label>
        Courriel
        <input type="email" {...form.register('email')} />
      </label>
      <label>
        <input type="checkbox" {...form.register('preferences.p5')} /> Événements
      </label>
      <ul>{issues.map((issue) => <li key={issue.code}>{`${issue.field}: ${issue.message}`}</li>)}</ul>
      <button type="submit">{messages.submit}</button>
      {state === 'subscribed' ? <p>{messages.subscribedTitle}</p> : null}
    </form>
  );
}

it('drives a custom UI: localized messages, issues, submit', async () => {
  const { handler, mock } = proxyWithMock();
  const user = userEvent.setup();
  render(<CustomSignup fetch={widgetFetch(handler)} />);
  await user.click(await screen.findByRole('button', { name: 'S’abonner' }));
  expect(screen.getByText('email: Saisissez votre adresse e-mail')).toBeVisible();
  await user.type(screen.getByLabelText('Courriel'), 'lou@example.com');
  await user.click(screen.getByLabelText('Événements'));
  await user.click(screen.getByRole('button', { name: 'S’abonner' }));
  await screen.findByText('Merci pour votre inscription');
  expect([...mock.store.contacts.get('lou@example.com')!.optedIn]).toEqual([5]);
});
