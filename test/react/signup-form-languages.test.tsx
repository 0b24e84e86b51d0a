// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignupForm } from '../../src/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { CONSENT, LOCALE_OPTIONS } from '../support/locale-fixture.js';
import { arabicMessages } from '../support/arabic-messages.js';
import { rootOf, widgetFetch } from '../support/widget-fixture.js';

afterEach(cleanup);

// The form asks the proxy for its language's consent statement and labels, sends its language
// back with the consent, and a right-to-left language renders mirrored.
describe('<SignupForm> in a language, against the real proxy', () => {
  it('asks for its locale\'s definition, shows the German statement and labels, and records that statement', async () => {
    const { handler, mock } = proxyWithMock(LOCALE_OPTIONS);
    const calls: Request[] = [];
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" locale="de" fetch={widgetFetch(handler, calls)} />);
    await user.type(await screen.findByLabelText('E-Mail-Adresse'), 'anna@example.com');
    expect(screen.getByText(CONSENT.de)).toBeVisible();
    expect(rootOf(container)).toHaveAttribute('dir', 'ltr');
    await user.click(screen.getByLabelText('Wöchentlicher Newsletter'));
    await user.type(screen.getByLabelText('Vorname (optional)'), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Abonnieren' }));
    await screen.findByText('Vielen Dank für Ihre Anmeldung');
    expect(calls.map((call) => `${call.method} ${new URL(call.url).search}`)).toEqual(['GET ?locale=de', 'POST ']);
    expect(mock.store.contacts.get('anna@example.com')!.consentRecords.map((record) => record.fields.TEXT)).toEqual([CONSENT.de]);
  });

  it('a language given as messages (their locale is the form\'s) in a right-to-left script: dir="rtl" on the root, its own statement asked for, no warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const arabic = 'نعم، أرسلوا إليّ النشرة الإخبارية. يمكنني إلغاء الاشتراك في أي وقت.';
    const { handler } = proxyWithMock({ ...LOCALE_OPTIONS, consentText: { ...CONSENT, ar: arabic }, preferenceLabels: { ar: { 2: 'النشرة الأسبوعية' } }, fields: [] });
    const { container } = render(<SignupForm endpoint="/api/signup" messages={arabicMessages} fetch={widgetFetch(handler)} />);
    await screen.findByLabelText(arabicMessages.emailLabel);
    expect(rootOf(container)).toHaveAttribute('lang', 'ar');
    expect(rootOf(container)).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText(arabic)).toBeVisible();
    expect(screen.getByLabelText('النشرة الأسبوعية')).toBeVisible();
    expect(warn).not.toHaveBeenCalled();
  });

  it('asks again when its language changes (the script tag\'s locale attribute, a site\'s language switch): the statement follows the labels', async () => {
    const { handler } = proxyWithMock(LOCALE_OPTIONS);
    const calls: Request[] = [];
    const fetch = widgetFetch(handler, calls);
    const { rerender } = render(<SignupForm endpoint="/api/signup" locale="de" fetch={fetch} />);
    await screen.findByText(CONSENT.de);
    rerender(<SignupForm endpoint="/api/signup" locale="fr" fetch={fetch} />);
    await screen.findByText(CONSENT.fr);
    expect(screen.queryByText(CONSENT.de)).toBeNull();
    expect(calls.map((call) => new URL(call.url).search)).toEqual(['?locale=de', '?locale=fr']);
  });
});
