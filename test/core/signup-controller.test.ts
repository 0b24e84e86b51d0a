import { describe, expect, it, vi } from 'vitest';
import { createSignupClient, createSignupController, englishMessages, SignupError, type SignupController, type SignupFormState } from '../../src/core/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { DEFINITION, errorAnswer, scriptedFetch, widgetFetch } from '../support/widget-fixture.js';

// The signup form without any UI: no React, no DOM. What a UI draws is getSnapshot().
const at = { pageUrl: () => 'https://www.example.com/news', now: () => new Date('2026-03-01T12:00:00Z') };
function controllerOn(fetch: typeof globalThis.fetch, callbacks = {}) {
  const controller = createSignupController({ client: createSignupClient({ endpoint: '/api/signup', fetch }), messages: () => englishMessages, callbacks: () => callbacks, ...at });
  const states: SignupFormState[] = [];
  controller.subscribe(() => states.push(controller.getSnapshot().state));
  return { controller, states };
}
const settle = async (controller: SignupController, state: SignupFormState) => vi.waitFor(() => expect(controller.getSnapshot().state).toBe(state));
const values = { email: ' ann@example.com ', preferences: { p2: true, p3: false, p5: true }, fields: {} };

describe('createSignupController', () => {
  it('loading → ready → submitting → subscribed, against the real proxy and mock', async () => {
    const { handler, mock } = proxyWithMock();
    const onSuccess = vi.fn();
    const { controller, states } = controllerOn(widgetFetch(handler), { onSuccess });
    expect(controller.getSnapshot().state).toBe('loading');
    controller.load();
    controller.load(); // once per attempt
    await settle(controller, 'ready');
    expect(await controller.submit(values)).toBe('subscribed');
    expect(states).toEqual(['ready', 'submitting', 'subscribed']);
    expect(controller.getSnapshot()).toMatchObject({ submittedEmail: 'ann@example.com', queued: false, issues: [] });
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 5]);
    expect(onSuccess).toHaveBeenCalledWith({ status: 'subscribed', email: 'ann@example.com' });
  });

  it('builds the exact request: offered preferences only, consent stamped on this page', async () => {
    const proxy = scriptedFetch({});
    const onSubmit = vi.fn();
    const { controller } = controllerOn(proxy.fetch, { onSubmit });
    controller.load();
    await settle(controller, 'ready');
    await controller.submit({ ...values, preferences: { ...values.preferences, p99: true }, honeypot: '' });
    const sent = { email: 'ann@example.com', preferences: [2, 5], fields: {}, consent: { ...DEFINITION.consent, consentedAt: '2026-03-01T12:00:00.000Z', pageUrl: 'https://www.example.com/news' } };
    expect(proxy.posts()[0]!.body).toEqual(sent);
    expect(onSubmit).toHaveBeenCalledWith(sent);
  });

  it('a queued signup on a double opt-in list ends in pending_confirmation, queued', async () => {
    const proxy = scriptedFetch({ get: [{ status: 200, body: { ...DEFINITION, doubleOptIn: true } }], post: [{ status: 202, body: { status: 'queued' } }] });
    const { controller } = controllerOn(proxy.fetch);
    controller.load();
    await settle(controller, 'ready');
    await controller.submit(values);
    expect(controller.getSnapshot()).toMatchObject({ state: 'pending_confirmation', queued: true });
  });

  it('a failed load says when to try again, and retry loads past the cache', async () => {
    const proxy = scriptedFetch({ get: [{ ...errorAnswer(503, 'upstream_unavailable'), headers: { 'retry-after': '30' } }, { status: 200, body: DEFINITION }] });
    const { controller } = controllerOn(proxy.fetch);
    controller.load();
    await settle(controller, 'definition_failed');
    expect(controller.getSnapshot().error).toMatchObject({ code: 'upstream_unavailable', retryAfter: 30 });
    controller.retry();
    expect(controller.getSnapshot().state).toBe('loading');
    await settle(controller, 'ready');
    expect(proxy.gets().map((call) => call.cache)).toEqual([undefined, 'no-cache']);
  });

  it('a consent mismatch reloads the definition and ties the issue to the consent statement', async () => {
    const changed = { ...DEFINITION, consent: { text: 'New words.', version: 'v2' } };
    const proxy = scriptedFetch({ get: [{ status: 200, body: DEFINITION }, { status: 200, body: changed }], post: [errorAnswer(409, 'consent_mismatch')] });
    const onError = vi.fn();
    const { controller } = controllerOn(proxy.fetch, { onError });
    controller.load();
    await settle(controller, 'ready');
    await controller.submit(values);
    expect(controller.getSnapshot()).toMatchObject({ state: 'error', consentUpdated: true, definition: changed });
    expect(controller.getSnapshot().issues).toEqual([{ code: 'consent_mismatch', field: 'consent', message: englishMessages.errors.consent_mismatch }]);
    expect(onError.mock.calls[0]![1]).toEqual({ phase: 'submit' });
  });

  it('words a rate limit with the wait the proxy asked for, and maps a field error to its field', async () => {
    const proxy = scriptedFetch({ post: [{ ...errorAnswer(429, 'rate_limited'), headers: { 'retry-after': '120' } }, errorAnswer(400, 'invalid_email', 'email')] });
    const { controller } = controllerOn(proxy.fetch);
    controller.load();
    await settle(controller, 'ready');
    expect(await controller.submit(values)).toMatchObject({ name: 'SignupError', code: 'rate_limited', retryAfter: 120 });
    expect(controller.getSnapshot().issues).toEqual([{ code: 'rate_limited', field: undefined, message: 'Too many signups at once. Try again in about 2 minutes.' }]);
    await controller.submit(values);
    expect(controller.getSnapshot().issues).toEqual([{ code: 'invalid_email', field: 'email', message: englishMessages.errors.invalid_email }]);
  });

  it('sends one signup at a time', async () => {
    const proxy = scriptedFetch({ post: ['never'] });
    const { controller } = controllerOn(proxy.fetch);
    controller.load();
    await settle(controller, 'ready');
    void controller.submit(values);
    expect(await controller.submit(values)).toBeUndefined(); // nothing sent: the first is still out
    expect(controller.getSnapshot().state).toBe('submitting');
    await vi.waitFor(() => expect(proxy.posts()).toHaveLength(1));
  });

  it('shows a result given at creation from the start (a server rendering a posted outcome)', () => {
    const client = createSignupClient({ endpoint: '/api/signup', fetch: scriptedFetch({}).fetch });
    const refused = createSignupController({ client, messages: () => englishMessages, definition: DEFINITION, result: new SignupError('invalid_email', '', { field: 'email' }) });
    expect(refused.getSnapshot()).toMatchObject({ state: 'error', issues: [{ code: 'invalid_email', field: 'email', message: englishMessages.errors.invalid_email }] });
    const done = createSignupController({ client, messages: () => englishMessages, definition: DEFINITION, result: 'subscribed' });
    expect(done.getSnapshot()).toMatchObject({ state: 'subscribed', submittedEmail: undefined });
  });

  it('a definition the page already has is ready without a request', () => {
    const proxy = scriptedFetch({});
    const controller = createSignupController({ client: createSignupClient({ endpoint: '/api/signup', fetch: proxy.fetch }), messages: () => englishMessages, definition: DEFINITION });
    controller.load();
    expect(controller.getSnapshot().state).toBe('ready');
    expect(proxy.gets()).toEqual([]);
  });

  it('shows a result that came another way (a form posted without JavaScript): success, or the error on its field', async () => {
    const proxy = scriptedFetch({});
    const { controller, states } = controllerOn(proxy.fetch);
    controller.show(new SignupError('invalid_email', '', { field: 'email' }));
    expect(controller.getSnapshot()).toMatchObject({ state: 'loading', issues: [{ code: 'invalid_email', field: 'email', message: englishMessages.errors.invalid_email }] });
    controller.load();
    await settle(controller, 'error'); // the issue waits for the definition, then shows
    controller.show('queued');
    expect(controller.getSnapshot()).toMatchObject({ state: 'subscribed', queued: true, issues: [], error: undefined, submittedEmail: undefined });
    expect(states.at(-1)).toBe('subscribed');
    // The form is ready again for another signup as usual.
    await controller.submit(values);
    expect(controller.getSnapshot()).toMatchObject({ state: 'subscribed', submittedEmail: 'ann@example.com' });
  });

  it('shows a queued result on a double opt-in list as pending confirmation, and a field error without a definition as the form\'s', () => {
    const controller = createSignupController({ client: createSignupClient({ endpoint: '/api/signup', fetch: scriptedFetch({}).fetch }), messages: () => englishMessages, definition: { ...DEFINITION, doubleOptIn: true } });
    controller.show('queued');
    expect(controller.getSnapshot()).toMatchObject({ state: 'pending_confirmation', queued: true });
    const bare = createSignupController({ client: createSignupClient({ endpoint: '/api/signup', fetch: scriptedFetch({}).fetch }), messages: () => englishMessages });
    bare.show(new SignupError('invalid_field', '', { field: 'fields.AGE' }));
    expect(bare.getSnapshot().issues).toEqual([{ code: 'invalid_field', field: undefined, message: englishMessages.errors.invalid_field }]);
  });
});
