// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { NewsletterSignup } from './readme/hook-example.js';
import { DEFINITION, errorAnswer, scriptedFetch } from '../support/widget-fixture.js';

// README's complete hook example (README, "Headless hook"), run as a visitor would use it.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it("README's hook example: load failure and retry, issues, preferences, submitting, the honeypot", async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const proxy = scriptedFetch({ get: [errorAnswer(503, 'upstream_unavailable'), { status: 200, body: DEFINITION }] });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => (init?.method === 'POST' ? held.then(() => proxy.fetch(input, init)) : proxy.fetch(input, init)));
  const user = userEvent.setup();
  render(<NewsletterSignup />);
  expect(await screen.findByRole('status')).toHaveTextContent('The signup form could not be loaded');
  await user.click(screen.getByRole('button', { name: 'Try again' }));

  await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Enter your email address');
  await user.type(screen.getByLabelText('Email address'), 'ann@example.com');
  await user.click(screen.getByLabelText('Product updates'));
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  expect(await screen.findByRole('button', { name: 'Subscribing…' })).toHaveAttribute('aria-disabled', 'true');
  release();
  expect(await screen.findByRole('status')).toHaveTextContent('We will send our emails to ann@example.com.');
  expect(proxy.posts()[0]!.body).toMatchObject({ email: 'ann@example.com', preferences: [3] });
  expect(proxy.posts()[0]!.body).not.toHaveProperty('honeypot');
});

it("README's hook example sends what a bot put in the honeypot, for the proxy to drop", async () => {
  const proxy = scriptedFetch({});
  vi.stubGlobal('fetch', proxy.fetch);
  const user = userEvent.setup();
  const { container } = render(<NewsletterSignup />);
  await user.type(await screen.findByLabelText('Email address'), 'bot@example.com');
  await user.type(container.querySelector<HTMLInputElement>('input[name="honeypot"]')!, 'spam');
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  await screen.findByText(/We will send our emails/);
  expect(proxy.posts()[0]!.body).toMatchObject({ honeypot: 'spam' });
});
