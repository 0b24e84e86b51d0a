// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishMessages, SIGNUP_ERROR_CODES, SignupForm, type SignupErrorCode } from '../../src/index.js';
import { createMemoryCallBudget } from '../../src/server/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { DEFINITION, errorAnswer, rootOf, scriptedFetch, widgetFetch } from '../support/widget-fixture.js';

afterEach(cleanup);

async function submitWith(fetch: typeof globalThis.fetch, email = 'ann@example.com', props: { onError?: () => void } = {}) {
  const user = userEvent.setup();
  const view = render(<SignupForm endpoint="/api/signup" fetch={fetch} {...props} />);
  if (email) await user.type(await screen.findByLabelText('Email address'), email);
  else await screen.findByLabelText('Email address');
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
  return { user, root: rootOf(view.container) };
}

describe('<SignupForm> errors the form finds itself', () => {
  it('shows a focused error summary linking to the field, and an inline error tied to it; sends nothing', async () => {
    const proxy = scriptedFetch({});
    const onError = vi.fn();
    const { user, root } = await submitWith(proxy.fetch, '', { onError });
    expect(root.dataset.state).toBe('error');
    const summary = root.querySelector<HTMLElement>('.dd-signup__summary')!;
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('alert')).toHaveTextContent('There is a problem');
    const link = within(summary).getByRole('link', { name: 'Enter your email address' });

    const email = screen.getByLabelText('Email address');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Error: Enter your email address');
    expect(root.querySelector('.dd-signup__error .dd-signup__visually-hidden')).toHaveTextContent('Error:');
    expect(link).toHaveAttribute('href', `#${email.id}`);
    await user.click(link);
    expect(document.activeElement).toBe(email);
    expect(proxy.posts()).toHaveLength(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('uses the proxy’s own email rule', async () => {
    const proxy = scriptedFetch({});
    const { user } = await submitWith(proxy.fetch, 'ann@example');
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription(`Error: ${englishMessages.errors.invalid_email}`);
    await user.clear(screen.getByLabelText('Email address'));
    await user.type(screen.getByLabelText('Email address'), 'ann@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(proxy.posts()).toHaveLength(1);
  });

  it('checks required and numeric data fields, naming them', async () => {
    const fields = [
      { name: 'FIRSTNAME', label: 'First name', type: 'String', required: true },
      { name: 'AGE', label: 'Age', type: 'Numeric', required: false },
      { name: 'BIRTHDAY', label: 'Birthday', type: 'Date', required: false },
      { name: 'OVER16', label: 'I am 16 or over', type: 'Boolean', required: true },
    ];
    const proxy = scriptedFetch({ get: [{ status: 200, body: { ...DEFINITION, fields } }] });
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email address'), 'ann@example.com');
    expect(screen.getByLabelText('Birthday (optional)')).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Age (optional)')).toHaveAttribute('inputmode', 'decimal');
    await user.type(screen.getByLabelText('Age (optional)'), 'forty');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    const links = within(document.querySelector<HTMLElement>('.dd-signup__summary')!).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Enter first name', 'Age must be a number', 'Select ‘I am 16 or over’ to continue']);
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('Error: Enter first name');
    expect(proxy.posts()).toHaveLength(0);

    await user.type(screen.getByLabelText('First name'), 'Ann');
    await user.clear(screen.getByLabelText('Age (optional)'));
    await user.type(screen.getByLabelText('Age (optional)'), '40');
    await user.click(screen.getByLabelText('I am 16 or over'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(proxy.posts()[0]!.body).toMatchObject({ fields: { FIRSTNAME: 'Ann', AGE: 40, OVER16: true } });
  });
});

describe('<SignupForm> errors from the proxy', () => {
  // Codes handled specially below: they refetch the definition first.
  const plain = SIGNUP_ERROR_CODES.filter((code) => code !== 'consent_mismatch' && code !== 'unknown_preference');

  it.each(plain)('maps %s to its message and calls onError', async (code) => {
    const proxy = scriptedFetch({ post: [errorAnswer(code === 'rate_limited' ? 429 : 400, code)] });
    const onError = vi.fn();
    const { root } = await submitWith(proxy.fetch, 'ann@example.com', { onError });
    await waitFor(() => expect(root.dataset.state).toBe('error'));
    expect(root.querySelector('.dd-signup__summary')).toHaveTextContent(englishMessages.errors[code as SignupErrorCode]);
    expect(document.activeElement).toBe(root.querySelector('.dd-signup__summary'));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }), { phase: 'submit' });
  });

  it('ties a field error to its field', async () => {
    const proxy = scriptedFetch({ post: [errorAnswer(422, 'contact_rejected', 'email')] });
    await submitWith(proxy.fetch);
    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email).toHaveAccessibleDescription(`Error: ${englishMessages.errors.contact_rejected}`));
    expect(screen.getByRole('link', { name: englishMessages.errors.contact_rejected })).toHaveAttribute('href', `#${email.id}`);
  });

  it('ties a data-field error from the proxy to that field, named by its label', async () => {
    const fields = [{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }];
    const proxy = scriptedFetch({ get: [{ status: 200, body: { ...DEFINITION, fields } }], post: [errorAnswer(400, 'missing_field', 'fields.FIRSTNAME')] });
    await submitWith(proxy.fetch);
    await waitFor(() => expect(screen.getByLabelText('First name (optional)')).toHaveAccessibleDescription('Error: Enter first name'));
  });

  it('reads a rate limit without our error body (a platform limiter in front of the proxy)', async () => {
    const proxy = scriptedFetch({ post: [{ status: 429 }] });
    const { root } = await submitWith(proxy.fetch);
    await waitFor(() => expect(root.querySelector('.dd-signup__summary')).toHaveTextContent(englishMessages.errors.rate_limited));
  });

  it('says when to try again when a rate limit or an outage came with Retry-After, in the form’s language', async () => {
    const limited = scriptedFetch({ post: [{ ...errorAnswer(429, 'rate_limited'), headers: { 'retry-after': '30' } }] });
    const onError = vi.fn();
    const { root } = await submitWith(limited.fetch, 'ann@example.com', { onError });
    await waitFor(() => expect(root.querySelector('.dd-signup__summary')).toHaveTextContent('Too many signups at once. Try again in about 30 seconds.'));
    expect(within(root.querySelector<HTMLElement>('.dd-signup__summary')!).getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited', retryAfter: 30 }), { phase: 'submit' });
    cleanup();

    const down = scriptedFetch({ post: [{ ...errorAnswer(503, 'upstream_unavailable'), headers: { 'retry-after': '120' } }] });
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" locale="de" fetch={down.fetch} />);
    await user.type(await screen.findByLabelText('E-Mail-Adresse'), 'ann@example.com');
    await user.click(screen.getByRole('button', { name: 'Abonnieren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Versuchen Sie es in etwa 2 Minuten erneut.');
    cleanup();

    // A wait means nothing for a mistake the visitor can fix: the usual message.
    const invalid = scriptedFetch({ post: [{ ...errorAnswer(400, 'invalid_email', 'email'), headers: { 'retry-after': '30' } }] });
    const again = await submitWith(invalid.fetch);
    await waitFor(() => expect(again.root.querySelector('.dd-signup__summary')).toHaveTextContent(englishMessages.errors.invalid_email));
  });

  it('offers to try again without retyping when Dotdigital is unavailable, and the retry signs up', async () => {
    // Down until the visitor retries: the proxy's own retries (kept short here) must all fail first.
    let failures = Number.POSITIVE_INFINITY;
    const { mock, handler } = proxyWithMock({
      retry: { budgetMs: 200, baseDelayMs: 5 },
      // The widget's retry is under test, not the proxy's outage detection (call-budget-handler.test.ts).
      stores: { budget: createMemoryCallBudget({ failuresToOutage: 1_000 }) },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && failures-- > 0) throw new TypeError('connect ECONNREFUSED');
        return mock.fetch(request);
      },
    });
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    await user.type(await screen.findByLabelText('Email address'), 'ivy@example.com');
    await user.click(screen.getByLabelText('Events near you'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    // The proxy's 503 says when to retry (Retry-After: 10 when Dotdigital gave no hint), and the form says so.
    const summary = await screen.findByText(englishMessages.unavailableRetryAfter('10 seconds', 10));
    expect(rootOf(container).dataset.state).toBe('error');
    expect(screen.getByLabelText('Email address')).toHaveValue('ivy@example.com');
    expect(screen.getByLabelText('Events near you')).toBeChecked();
    failures = 0;
    await user.click(within(summary.closest('.dd-signup__summary')!).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Thank you for subscribing');
    expect([...mock.store.contacts.get('ivy@example.com')!.optedIn]).toEqual([5]);
  });

  it('offers to try again after a network failure', async () => {
    const proxy = scriptedFetch({ post: ['network-error', { status: 201, body: { status: 'subscribed' } }] });
    const { user } = await submitWith(proxy.fetch);
    await screen.findByText(englishMessages.errors.network_error);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Thank you for subscribing');
    expect(proxy.posts().map((p) => (p.body as { email: string }).email)).toEqual(['ann@example.com', 'ann@example.com']);
  });

  it('on 409 consent_mismatch reloads the consent text, keeps the answers and asks to read it again', async () => {
    const before = proxyWithMock({ consentText: 'Old text: send me news.' });
    const after = proxyWithMock({ consentText: 'New text: send me news and offers.' });
    const gets: Request[] = [];
    let loaded = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      // Resolved against the page, as a browser does: the proxy takes pages on its own origin.
      const request = new Request(new URL(String(input), location.href), init);
      if (request.method === 'GET') gets.push(request);
      return (request.method === 'GET' && loaded++ === 0 ? before : after).handler(request);
    };
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={fetch} />);
    await user.type(await screen.findByLabelText('Email address'), 'jo@example.com');
    await user.click(screen.getByLabelText('Weekly newsletter'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    const consent = await screen.findByText('New text: send me news and offers.');
    expect(rootOf(container).dataset.state).toBe('error');
    expect(gets.map((r) => r.cache)).toEqual(['default', 'no-cache']);
    expect(container.querySelector('.dd-signup__consent')).toHaveTextContent('Updated');
    expect(consent).toHaveAccessibleDescription(`Error: ${englishMessages.errors.consent_mismatch}`);
    await user.click(screen.getByRole('link', { name: englishMessages.errors.consent_mismatch }));
    expect(document.activeElement).toBe(consent);
    expect(screen.getByLabelText('Email address')).toHaveValue('jo@example.com');
    expect(screen.getByLabelText('Weekly newsletter')).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(after.mock.store.contacts.get('jo@example.com')!.consentRecords[0]!.fields.TEXT).toBe('New text: send me news and offers.');
  });

  it('on unknown_preference reloads the choices and links the error to them', async () => {
    const fewer = { ...DEFINITION, preferences: [{ id: 5, label: 'Events near you' }] };
    const proxy = scriptedFetch({ get: [{ status: 200, body: DEFINITION }, { status: 200, body: fewer }], post: [errorAnswer(400, 'unknown_preference', 'preferences'), { status: 201, body: { status: 'subscribed' } }] });
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email address'), 'kit@example.com');
    await user.click(screen.getByLabelText('Product updates'));
    await user.click(screen.getByLabelText('Events near you'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    const link = await screen.findByRole('link', { name: englishMessages.errors.unknown_preference });
    expect(screen.queryByLabelText('Product updates')).toBeNull();
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Events near you'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(proxy.posts()[1]!.body).toMatchObject({ preferences: [5] });
  });
});

describe('<SignupForm> when the definition cannot be loaded', () => {
  // The visitor is told whether their connection failed (no answer), the address is wrong (404) or
  // the service failed; the console says what GET {endpoint} got, for the developer.
  it.each([
    ['the proxy fails', errorAnswer(502, 'upstream_rejected'), englishMessages.definitionUnavailable, /GET \/api\/signup answered 502: /],
    ['the answer is not a form definition', { status: 200, body: { hello: 'world' } }, englishMessages.definitionUnavailable, /GET \/api\/signup answered 200: The signup service at \/api\/signup did not answer with a form definition/],
    ['the endpoint is not found', { status: 404, body: 'Not Found' }, englishMessages.errors.not_found, /GET \/api\/signup answered 404: /],
    ['the network is down', 'network-error' as const, englishMessages.definitionFailed, /GET \/api\/signup failed: Could not reach the signup service at \/api\/signup/],
  ])('says so when %s, and retries on request', async (_case, failure, shown, logged) => {
    const logs = vi.spyOn(console, 'error').mockImplementation(() => {});
    const proxy = scriptedFetch({ get: [failure, { status: 200, body: DEFINITION }] });
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    await waitFor(() => expect(rootOf(container).dataset.state).toBe('definition_failed'));
    expect(screen.getByRole('status')).toHaveTextContent(shown);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(logs.mock.calls[0]![0]).toMatch(/^dotdigital-signup: /);
    expect(logs.mock.calls[0]![0]).toMatch(logged);
    expect(logs.mock.calls[0]![0]).toContain("(README, 'Troubleshooting')");
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const email = await screen.findByLabelText('Email address');
    expect(rootOf(container).dataset.state).toBe('ready');
    expect(document.activeElement).toBe(email);
    expect(proxy.gets().map((g) => g.cache)).toEqual([undefined, 'no-cache']);
  });

  it('says when to try again when the proxy answered the load with Retry-After', async () => {
    const proxy = scriptedFetch({ get: [{ ...errorAnswer(503, 'upstream_unavailable'), headers: { 'retry-after': '10' } }, { status: 200, body: DEFINITION }] });
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    expect(await screen.findByText('The signup form could not be loaded. Try again in about 10 seconds.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByLabelText('Email address');
  });

  it('calls onError once for each failed load, with phase "load" (StrictMode too), and onReady when a retry works', async () => {
    const proxy = scriptedFetch({ get: [errorAnswer(503, 'upstream_unavailable'), 'network-error', { status: 200, body: DEFINITION }] });
    const onError = vi.fn();
    const onReady = vi.fn();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <SignupForm endpoint="/api/signup" fetch={proxy.fetch} onError={onError} onReady={onReady} />
      </StrictMode>,
    );
    await screen.findByRole('button', { name: 'Try again' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'upstream_unavailable', status: 503 }), { phase: 'load' });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'network_error', status: 0 }), { phase: 'load' });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByLabelText('Email address');
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(proxy.gets()).toHaveLength(3);
  });
});
