import { describe, expect, it } from 'vitest';
import { BASE, mockWith, read, refusal, signup, v3Contact } from '../support/mock-fixture.js';

const patch = (api: ReturnType<typeof mockWith>['api'], email: string, body: unknown) => read(api('PATCH', `/contacts/v3/email/${encodeURIComponent(email)}?merge-option=overwrite`, body));
const resubscribeIn = (preferredLocale: unknown, optInType = 'single') => ({
  channelProperties: { email: { status: 'subscribed', optInType, resubscribeOptions: { resubscribeWithNoChallenge: false, preferredLocale } } },
});

describe('mock Dotdigital: the language each confirmation email was asked for in', () => {
  it('records the v2 resubscribe call\'s preferredLocale on the challenge email, as Dotdigital spells it, and shows it on its page', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    expect((await read(api('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'ann@example.com' }, preferredLocale: 'de-de' }))).body.status).toBe('ContactChallenged');
    expect(mock.store.outbox).toEqual([expect.objectContaining({ to: 'ann@example.com', kind: 'resubscribe', locale: 'de-DE' })]);
    const page = await (await mock.fetch(`${BASE}/`)).text();
    expect(page).toMatch(/<th scope="col">Language<\/th>/);
    expect(page).toContain('<td>de-DE</td>');
  });

  it('records none when none is asked for (the account\'s language)', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    await api('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'ann@example.com' } });
    expect(mock.store.outbox[0]).not.toHaveProperty('locale');
    expect(await (await mock.fetch(`${BASE}/`)).text()).toContain('<span class="muted">account\'s</span>');
  });

  it('refuses a preferredLocale Dotdigital does not list: v2 ERROR_PARAMETER_INVALID, v3 contacts:validationError', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    expect(await refusal(api('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'ann@example.com' }, preferredLocale: 'de' }))).toMatchObject({ status: 400, token: 'ERROR_PARAMETER_INVALID' });
    const v3 = await patch(api, 'ann@example.com', { ...v3Contact('ann@example.com'), ...resubscribeIn('german') });
    expect(v3).toMatchObject({ status: 400, body: { errorCode: 'contacts:validationError', details: [{ item: expect.stringContaining('preferredLocale') }] } });
    expect(mock.store.outbox).toEqual([]);
  });

  it('records a v3 resubscribe\'s preferredLocale, and a v3 double opt-in\'s (the same option names its language)', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    await patch(api, 'ann@example.com', { ...v3Contact('ann@example.com'), ...resubscribeIn('fr-FR') });
    await patch(api, 'new@example.com', { ...v3Contact('new@example.com'), ...resubscribeIn('nl-NL', 'verifiedDouble') });
    expect(mock.store.outbox.map(({ to, kind, locale }) => ({ to, kind, locale }))).toEqual([
      { to: 'ann@example.com', kind: 'resubscribe', locale: 'fr-FR' },
      { to: 'new@example.com', kind: undefined, locale: 'nl-NL' },
    ]);
  });

  it('sends a v2 double opt-in email in the account\'s language: that call takes no locale', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    expect(mock.store.outbox).toHaveLength(1);
    expect(mock.store.outbox[0]).not.toHaveProperty('locale');
  });
});
