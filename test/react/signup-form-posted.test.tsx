// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSignupOutcome, SIGNUP_FORM_FIELDS, type FormDefinition, type SignupOutcome } from '../../src/core/index.js';
import { SignupForm } from '../../src/index.js';
import { ENDPOINT, proxyWithMock, SITE } from '../support/proxy-fixture.js';
import { DEFINITION, scriptedFetch } from '../support/widget-fixture.js';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const WITH_FIELD: FormDefinition = { ...DEFINITION, fields: [{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }] };
const formOf = (container: HTMLElement) => container.querySelector('form')!;
const hidden = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`)?.value;

/** Server-rendered HTML in the document, hydrated as a page's script would. */
async function hydrated(element: React.ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  return { container, errors, recoverable };
}

describe('<SignupForm>: a form the browser can post itself', () => {
  it('is a <form method="post" action={endpoint}> with the names the proxy reads and the consent it shows in hidden inputs', () => {
    const { container } = render(<SignupForm endpoint="/api/signup" definition={WITH_FIELD} pageUrl={`${SITE}/news?x=1&dotdigital-signup=error#old`} />);
    const form = formOf(container);
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/api/signup');
    expect(screen.getByLabelText('Email address').getAttribute('name')).toBe(SIGNUP_FORM_FIELDS.email);
    expect(screen.getByLabelText(/First name/).getAttribute('name')).toBe(`${SIGNUP_FORM_FIELDS.fieldPrefix}FIRSTNAME`);
    expect(screen.getByLabelText('Weekly newsletter').getAttribute('name')).toBe(`${SIGNUP_FORM_FIELDS.preferencePrefix}2`);
    expect(container.querySelector(`input[name="${SIGNUP_FORM_FIELDS.honeypot}"]`)).not.toBeNull();
    expect(hidden(container, SIGNUP_FORM_FIELDS.consentText)).toBe(DEFINITION.consent.text);
    expect(hidden(container, SIGNUP_FORM_FIELDS.consentVersion)).toBe(DEFINITION.consent.version);
    // The page without an earlier outcome in it: what the consent record stores and the proxy goes back to.
    expect(hidden(container, SIGNUP_FORM_FIELDS.pageUrl)).toBe(`${SITE}/news?x=1#old`);
    // The form's id comes back as the fragment, and names the element the browser scrolls to.
    const formId = hidden(container, SIGNUP_FORM_FIELDS.formId)!;
    expect(formId).toMatch(/\S/);
    expect(container.querySelector('[role="status"]')!.id).toBe(formId);
  });

  it('carries its language in a hidden input for the proxy (Dotdigital\'s emails), only when it has one', async () => {
    const { container } = render(<SignupForm endpoint="/api/signup" definition={DEFINITION} locale="de-AT" />);
    await screen.findByLabelText('E-Mail-Adresse'); // German loads first
    expect(hidden(container, SIGNUP_FORM_FIELDS.consentLocale)).toBe('de-AT');
    cleanup();
    expect(hidden(render(<SignupForm endpoint="/api/signup" definition={DEFINITION} />).container, SIGNUP_FORM_FIELDS.consentLocale)).toBeUndefined();
  });

  it('leaves the page URL to the Referer when it is not given', () => {
    const { container } = render(<SignupForm endpoint="/api/signup" definition={DEFINITION} />);
    expect(hidden(container, SIGNUP_FORM_FIELDS.pageUrl)).toBeUndefined();
    expect(hidden(container, SIGNUP_FORM_FIELDS.consentText)).toBe(DEFINITION.consent.text);
  });

  it('posts, as the browser would, exactly what the proxy signs up: 303 back with the outcome, the ticked preference stored', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const definition = await proxy.handler.formDefinition();
    const { container } = render(<SignupForm endpoint="/api/signup" definition={definition} pageUrl={`${SITE}/newsletter`} />);
    await userEvent.type(screen.getByLabelText('Email address'), 'nojs@example.com');
    await userEvent.click(screen.getByLabelText('Events near you'));
    const body = new URLSearchParams(new FormData(formOf(container)) as unknown as Record<string, string>);
    const response = await proxy.handler(
      new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-mode': 'navigate' }, body }),
    );
    expect(response.status).toBe(303);
    const formId = hidden(container, SIGNUP_FORM_FIELDS.formId)!;
    expect(readSignupOutcome(response.headers.get('location')!)).toEqual({ status: 'subscribed', formId });
    const contact = proxy.mock.store.contacts.get('nojs@example.com')!;
    expect([...contact.optedIn]).toEqual([5]);
    expect(contact.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: definition.consent.text, URL: `${SITE}/newsletter` });
  });

  it('takes a stable `id`: the fragment the proxy sends the page back to, the same under React 18 and 19', () => {
    const html = renderToString(<SignupForm id="newsletter" endpoint="/api/signup" definition={DEFINITION} />);
    expect(html).toContain('name="formId" value="newsletter"');
    expect(html).toMatch(/role="status" id="newsletter"/);
    expect(html).toContain('id="newsletter-email"');
  });

  it('renders defaultValues into the server HTML, so a form posted before its script keeps the prefill', () => {
    const html = renderToString(<SignupForm endpoint="/api/signup" definition={WITH_FIELD} defaultValues={{ email: 'pre@example.com', fields: { FIRSTNAME: 'Pre' } }} />);
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(page.querySelector<HTMLInputElement>(`input[name="${SIGNUP_FORM_FIELDS.email}"]`)!.getAttribute('value')).toBe('pre@example.com');
    expect(page.querySelector<HTMLInputElement>(`input[name="${SIGNUP_FORM_FIELDS.fieldPrefix}FIRSTNAME"]`)!.getAttribute('value')).toBe('Pre');
    const body = new URLSearchParams(new FormData(page.querySelector('form')!) as unknown as Record<string, string>);
    expect(body.get('email')).toBe('pre@example.com');
  });
});

describe('<SignupForm outcome>: the outcome the proxy sent the page back with', () => {
  it('renders the success on the server, titled only: the address never goes into a URL', () => {
    const html = renderToString(<SignupForm endpoint="/api/signup" definition={DEFINITION} outcome={{ status: 'subscribed' }} />);
    expect(html).toContain('data-state="subscribed"');
    expect(html).toContain('Thank you for subscribing');
    expect(html).not.toContain('We will send our emails to');
    expect(html).not.toContain('<form');
  });

  it('renders a double opt-in or queued one as "check your inbox"', () => {
    const queued = renderToString(<SignupForm endpoint="/api/signup" definition={{ ...DEFINITION, doubleOptIn: true }} outcome={{ status: 'queued' }} />);
    expect(queued).toContain('data-state="pending_confirmation"');
    expect(queued).toContain('Check your inbox');
  });

  it('renders an error as the error summary and the inline error on its field', () => {
    const outcome: SignupOutcome = { status: 'error', code: 'invalid_email', field: 'email' };
    const { container } = render(<SignupForm endpoint="/api/signup" definition={DEFINITION} outcome={outcome} />);
    const message = 'Enter an email address in the correct format, like name@example.com';
    expect(container.querySelector('.dd-signup')!.getAttribute('data-state')).toBe('error');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(screen.getByRole('link', { name: message })).toBeTruthy();
    const input = screen.getByLabelText('Email address');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(message, { selector: '.dd-signup__error' })).toBeTruthy();
  });

  it('says when to try again after a rate limit, and offers "Try again"', () => {
    render(<SignupForm endpoint="/api/signup" definition={DEFINITION} outcome={{ status: 'error', code: 'rate_limited', retryAfterSeconds: 30 }} />);
    expect(screen.getByRole('alert').textContent).toContain('Try again in about 30 seconds');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('in the browser: the outcome in location', () => {
  it('hydrates the server-rendered outcome without a mismatch (StrictMode), then takes it out of the URL', async () => {
    const proxy = scriptedFetch({});
    const html = renderToString(<SignupForm endpoint="/api/signup" definition={DEFINITION} />);
    const formId = /name="formId" value="([^"]+)"/.exec(html)![1]!;
    history.replaceState(null, '', `/news?x=1&dotdigital-signup=error&dotdigital-signup-code=invalid_email&dotdigital-signup-field=email#${formId}`);
    const outcome = readSignupOutcome(location.href);
    const { container, errors, recoverable } = await hydrated(
      <StrictMode>
        <SignupForm endpoint="/api/signup" definition={DEFINITION} outcome={outcome} fetch={proxy.fetch} />
      </StrictMode>,
    );
    await waitFor(() => expect(location.href).toBe(`${location.origin}/news?x=1#${formId}`));
    expect(container.querySelector('.dd-signup')!.getAttribute('data-state')).toBe('error');
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(proxy.calls).toEqual([]); // ready from the definition it was given
    container.remove();
  });

  it('reads it from location when the server did not render it (a cached page), and shows it', async () => {
    const element = <SignupForm endpoint="/api/signup" definition={DEFINITION} />;
    const formId = /name="formId" value="([^"]+)"/.exec(renderToString(element))![1]!;
    history.replaceState(null, '', `/news?dotdigital-signup=pending_confirmation#${formId}`);
    const { container, errors } = await hydrated(element);
    await waitFor(() => expect(container.querySelector('.dd-signup')!.getAttribute('data-state')).toBe('pending_confirmation'));
    expect(location.search).toBe('');
    expect(errors).not.toHaveBeenCalled();
    container.remove();
  });

  it('leaves another form’s outcome alone: neither shown nor taken out of the URL', async () => {
    history.replaceState(null, '', '/news?dotdigital-signup=subscribed#another-form');
    const { container } = await hydrated(<SignupForm endpoint="/api/signup" definition={DEFINITION} />);
    await act(async () => undefined);
    expect(container.querySelector('.dd-signup')!.getAttribute('data-state')).toBe('ready');
    expect(location.search).toBe('?dotdigital-signup=subscribed');
    container.remove();
  });
});
