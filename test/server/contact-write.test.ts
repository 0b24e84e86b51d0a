import { describe, expect, it } from 'vitest';
import { dotdigitalError, post, proxyWithMock, validBody } from './proxy-fixture.js';

const paths = (requests: Request[]) => requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

async function existingContact(setup: ReturnType<typeof proxyWithMock>, optedIn: number[]) {
  const body = await validBody(setup.handler);
  expect((await setup.handler(post({ ...body, preferences: [] }))).status).toBe(201);
  setup.mock.store.contacts.get('ann@example.com')!.optedIn = new Set(optedIn);
  return body;
}

describe('preferences in the contact write', () => {
  it('ticked → in, shown but not ticked → out, never shown (private) → unchanged for an existing contact', async () => {
    const setup = proxyWithMock();
    const body = await existingContact(setup, [3, 4, 5]);
    setup.upstream.length = 0;
    expect((await setup.handler(post({ ...body, preferences: [2] }))).status).toBe(201);
    expect([...setup.mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 4]);
    expect(paths(setup.upstream)).toEqual(['GET /v2/contacts/ann%40example.com/preferences', 'POST /v2/contacts/with-consent-and-preferences']);
  });

  it('keeps public preferences the form was told not to show', async () => {
    const setup = proxyWithMock({ preferences: [2] });
    const body = await existingContact(setup, [3, 5]);
    expect((await setup.handler(post({ ...body, preferences: [] }))).status).toBe(201);
    expect([...setup.mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([3, 5]);
    expect((await setup.handler(post({ ...body, preferences: [2] }))).status).toBe(201);
    expect([...setup.mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 3, 5]);
  });

  it('names only the shown preferences for a new contact', async () => {
    const setup = proxyWithMock();
    expect((await setup.handler(post(await validBody(setup.handler, { preferences: [3] })))).status).toBe(201);
    const write = (await setup.writes()[0]!.json()) as { preferences: unknown };
    expect(write.preferences).toEqual([
      { id: 1, isPreference: false, preferences: [{ id: 2, isPreference: true, isOptedIn: false }, { id: 3, isPreference: true, isOptedIn: true }] },
      { id: 5, isPreference: true, isOptedIn: false },
    ]);
  });

  it('skips reading the contact when the form shows every preference in the account', async () => {
    const setup = proxyWithMock();
    setup.mock.store.preferences[0]!.preferences![2]!.isPublic = true;
    await setup.handler(post(await validBody(setup.handler, { preferences: [4] })));
    expect(paths(setup.upstream).filter((p) => p.includes('/contacts/'))).toEqual(['POST /v2/contacts/with-consent-and-preferences']);
  });

  it('writes nothing when the current preferences cannot be read (it would opt the contact out)', async () => {
    const setup = proxyWithMock({}, {}, async (request, next) =>
      request.url.endsWith('/preferences') && request.url.includes('/contacts/') ? dotdigitalError(500, 'An error has occurred. ERROR_UNKNOWN') : next(request),
    );
    const response = await setup.handler(post(await validBody(setup.handler)));
    expect(response.status).toBe(503);
    expect(setup.writes()).toHaveLength(0);
  });
});

describe('address book', () => {
  it('adds the contact to the configured address book after the write', async () => {
    const setup = proxyWithMock({ addressBookId: 77 }, {}, async (request, next) =>
      new URL(request.url).pathname === '/v2/address-books/77/contacts' ? Response.json({ id: 1, email: 'ann@example.com' }) : next(request),
    );
    expect((await setup.handler(post(await validBody(setup.handler)))).status).toBe(201);
    const call = setup.writes().find((r) => r.url.endsWith('/v2/address-books/77/contacts'))!;
    expect(await call.json()).toMatchObject({ email: 'ann@example.com', optInType: 'Single' });
    expect(paths(setup.writes())).toEqual(['POST /v2/contacts/with-consent-and-preferences', 'POST /v2/address-books/77/contacts']);
  });

  it('still answers the visitor with success when the address book is missing, and tells the operator', async () => {
    const setup = proxyWithMock({ addressBookId: 78 }, {}, async (request, next) =>
      request.url.includes('/address-books/') ? dotdigitalError(404, 'Error: ERROR_ADDRESSBOOK_NOT_FOUND') : next(request),
    );
    expect((await setup.handler(post(await validBody(setup.handler)))).status).toBe(201);
    expect(setup.logs.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('address book 78'), details: expect.objectContaining({ token: 'ERROR_ADDRESSBOOK_NOT_FOUND' }) }),
    );
    expect(setup.logs.text()).not.toMatch(/ann@example\.com|ann%40example/);
  });
});

describe('a suppressed contact looks exactly like a new one', () => {
  const suppressions = {
    'ERROR_CONTACT_SUPPRESSED': () => dotdigitalError(400, 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED'),
    'a 201 with status Suppressed': () => Response.json({ contact: { id: 9, email: 'x', status: 'Suppressed', optInType: 'Single' } }, { status: 201 }),
    'a 201 with status Unsubscribed': () => Response.json({ contact: { id: 9, email: 'x', status: 'Unsubscribed', optInType: 'Single' } }, { status: 201 }),
  };
  for (const optInType of ['Single', 'VerifiedDouble'] as const) {
    for (const [name, answer] of Object.entries(suppressions)) {
      it(`${optInType}: ${name}`, async () => {
        // What Dotdigital answers for a new address in this mode (VerifiedDouble: pending until the link is followed).
        const fresh = proxyWithMock({ optInType }, {}, async (request, next) =>
          optInType === 'VerifiedDouble' && request.url.endsWith('/with-consent-and-preferences')
            ? Response.json({ contact: { id: 8, email: 'new@example.com', status: 'PendingOptIn', optInType: 'Double' } }, { status: 201 })
            : next(request),
        );
        const person = await fresh.handler(post(await validBody(fresh.handler, { email: 'new@example.com' })));
        const setup = proxyWithMock({ optInType }, {}, async (request, next) =>
          request.url.endsWith('/with-consent-and-preferences') ? answer() : next(request),
        );
        const suppressed = await setup.handler(post(await validBody(setup.handler, { email: 'gone@example.com' })));
        expect(suppressed.status).toBe(person.status);
        expect(suppressed.status).toBe(optInType === 'Single' ? 201 : 202);
        expect(await suppressed.text()).toBe(await person.text());
        expect([...suppressed.headers]).toEqual([...person.headers]);
        expect(setup.logs.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringContaining('not subscribed'), details: { contact: expect.stringMatching(/^c:[0-9a-f]{12}$/), status: expect.any(String) } }));
        expect(setup.logs.text()).not.toContain('gone@');
      });
    }
  }
});
