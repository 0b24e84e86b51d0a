// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSignupMessages, SIGNUP_LOCALES, SignupForm } from '../../src/index.js';
import { arabicMessages } from '../support/arabic-messages.js';
import { rootOf, scriptedFetch } from '../support/widget-fixture.js';

afterEach(cleanup);

describe('<SignupForm locale>', () => {
  it.each(SIGNUP_LOCALES)('speaks %s, errors and all, and says so with lang', async (locale) => {
    const messages = await loadSignupMessages(locale);
    const proxy = scriptedFetch({});
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" locale={locale} fetch={proxy.fetch} />);
    const email = await screen.findByLabelText(messages.emailLabel);
    expect(rootOf(container)).toHaveAttribute('lang', locale);
    expect(screen.getByRole('group', { name: messages.preferencesLegend })).toBeVisible();
    await user.click(screen.getByRole('button', { name: messages.submit }));
    expect(screen.getByRole('alert')).toHaveTextContent(messages.errorSummaryTitle);
    expect(email).toHaveAccessibleDescription(`${messages.errorPrefix} ${messages.errors.missing_email}`);
    await user.type(email, 'ann@example.com');
    await user.click(screen.getByRole('button', { name: messages.submit }));
    await screen.findByText(messages.subscribedTitle);
  });

  it('lets any string be overridden, over the chosen language', async () => {
    const proxy = scriptedFetch({});
    render(<SignupForm endpoint="/api/signup" locale="de" fetch={proxy.fetch} messages={{ submit: 'Jetzt anmelden', emailHint: 'Wir geben sie nie weiter.' }} />);
    const email = await screen.findByLabelText('E-Mail-Adresse');
    expect(screen.getByRole('button', { name: 'Jetzt anmelden' })).toBeVisible();
    expect(email).toHaveAccessibleDescription('Wir geben sie nie weiter.');
  });

  it('warns how to fix a language it does not have, and shows English', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const proxy = scriptedFetch({});
    const { container } = render(<SignupForm endpoint="/api/signup" locale="it" fetch={proxy.fetch} />);
    await screen.findByLabelText('Email address');
    expect(rootOf(container)).toHaveAttribute('lang', 'en');
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no built-in messages for locale "it".*pass your translations as `messages`/)));
  });

  it('does not warn when the language comes whole as `messages` (they name their locale): the form is in it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const proxy = scriptedFetch({});
    const { container } = render(<SignupForm endpoint="/api/signup" locale="ar" messages={arabicMessages} fetch={proxy.fetch} />);
    await screen.findByLabelText(arabicMessages.emailLabel);
    expect(rootOf(container)).toHaveAttribute('lang', 'ar');
    render(<SignupForm endpoint="/api/signup" locale="it" fetch={proxy.fetch} />); // the warning's own case, as a witness that warnings are seen
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/locale "it"/)));
    expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/locale "ar"/));
  });
});
