// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { frenchMessages, loadedSignupMessages } from '../../src/core/index.js';
import { SignupForm } from '../../src/index.js';
import { DEFINITION, scriptedFetch } from '../support/widget-fixture.js';

// The root is found by class: React 19's renderToString starts with the hoisted <style> (src/react/signup-form-style.tsx).
afterEach(cleanup);

it('hydrates server-rendered HTML without a mismatch, then loads the form', async () => {
  const proxy = scriptedFetch({});
  const element = <SignupForm endpoint="/api/signup" fetch={proxy.fetch} />;
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const serverRoot = container.querySelector('.dd-signup');
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  await screen.findByLabelText('Email address');
  expect(container.querySelector('.dd-signup')).toBe(serverRoot); // hydrated in place, not re-created
  await waitFor(() => expect(serverRoot!.getAttribute('data-state')).toBe('ready'));
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  container.remove();
});

it('hydrates a form rendered whole with its definition: ready at once, no definition request, no mismatch', async () => {
  const proxy = scriptedFetch({});
  const element = <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={proxy.fetch} />;
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const serverRoot = container.querySelector('.dd-signup')!;
  const serverInputs = [...container.querySelectorAll('input, button')];
  expect(serverRoot.getAttribute('data-state')).toBe('ready');
  expect(serverInputs.length).toBeGreaterThan(4);
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  expect(container.querySelector('.dd-signup')).toBe(serverRoot); // hydrated in place, not re-created
  expect([...container.querySelectorAll('input, button')]).toEqual(serverInputs); // each control kept, not re-rendered
  expect(serverRoot.getAttribute('data-state')).toBe('ready');
  // act() ran the effects; a load they started would have called fetch then (the client calls it before its first await).
  expect(proxy.calls).toEqual([]);
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();

  // Hydrated, it is the interactive form: a signup goes out with the definition it was rendered with.
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email address'), 'ann@example.com');
  await user.click(screen.getByLabelText('Product updates'));
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  await waitFor(() => expect(serverRoot.getAttribute('data-state')).toBe('subscribed'));
  expect(proxy.posts()).toEqual([expect.objectContaining({ body: expect.objectContaining({ email: 'ann@example.com', preferences: [3], consent: expect.objectContaining({ version: DEFINITION.consent.version }) }) })]);
  expect(proxy.gets()).toEqual([]);
  container.remove();
});

it('renders another language on the server and hydrates it without a mismatch when its messages are passed, not loaded', async () => {
  // The way that works in Next.js (the Server Component and the client component are separate module
  // graphs, so a language loaded in one is not in the other) and with renderToString (the browser
  // hydrates before an on-demand chunk could arrive): the language's messages imported statically.
  expect(loadedSignupMessages('fr')).toBeUndefined();
  const proxy = scriptedFetch({});
  const element = <SignupForm endpoint="/api/signup" definition={DEFINITION} messages={frenchMessages} fetch={proxy.fetch} />;
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const serverRoot = container.querySelector('.dd-signup')!;
  expect(serverRoot.getAttribute('data-state')).toBe('ready');
  expect(serverRoot.getAttribute('lang')).toBe('fr');
  expect(serverRoot.querySelector('button[type="submit"]')!.textContent).toBe(frenchMessages.submit);
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  expect(container.querySelector('.dd-signup')).toBe(serverRoot);
  expect(screen.getByRole('button', { name: frenchMessages.submit })).toBeInTheDocument();
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  expect(loadedSignupMessages('fr')).toBeUndefined(); // nothing was loaded on demand
  container.remove();
});
