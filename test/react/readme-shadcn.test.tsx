// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { NewsletterSignup } from '../../src/demo/headless/newsletter-signup.js';
import { scriptedFetch } from '../support/widget-fixture.js';

// README's shadcn/ui example (README, "Headless hook"; the demo's /headless.html), on shadcn's
// generated files and Radix: what its error summary does with ids that shadcn puts on a wrapper.
beforeAll(() => {
  // Radix measures its checkbox's hidden input; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it("README's shadcn/ui example: the summary takes focus and its link moves it to the input inside <FormItem id>", async () => {
  vi.stubGlobal('fetch', scriptedFetch({}).fetch);
  const user = userEvent.setup();
  render(<NewsletterSignup />);
  await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
  const summary = document.querySelector<HTMLElement>('.dd-signup__summary')!;
  expect(document.activeElement).toBe(summary);
  const link = within(summary).getByRole('link', { name: 'Enter your email address' });
  const email = screen.getByLabelText('Email address');
  expect(link.getAttribute('href')).not.toBe(`#${email.id}`); // it names shadcn's wrapper, not the input
  await user.click(link);
  expect(document.activeElement).toBe(email);
});

it("README's shadcn/ui example: its own rule stops a disposable address with its own words; a good one signs up with the Radix ticks", async () => {
  const proxy = scriptedFetch({});
  vi.stubGlobal('fetch', proxy.fetch);
  const user = userEvent.setup();
  render(<NewsletterSignup />);
  await user.type(await screen.findByLabelText('Email address'), 'temp@mailinator.com');
  await user.click(screen.getByRole('checkbox', { name: 'Events near you' }));
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  const words = 'Enter an address you will keep: we do not send to disposable mailboxes';
  expect(within(document.querySelector<HTMLElement>('.dd-signup__summary')!).getByRole('link', { name: words })).toBeVisible();
  expect(screen.getByText(words, { selector: '[data-slot="form-message"]' })).toBeVisible();
  expect(proxy.posts()).toEqual([]);

  await user.clear(screen.getByLabelText('Email address'));
  await user.type(screen.getByLabelText('Email address'), 'ann@example.com');
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  expect(await screen.findByRole('status')).toHaveTextContent('We will send our emails to ann@example.com.');
  expect(proxy.posts()[0]!.body).toMatchObject({ email: 'ann@example.com', preferences: [5] });
});
