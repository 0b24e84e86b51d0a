// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode, version } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignupForm, signupFormStyles, type FormDefinition, type SignupRequest } from '../../src/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { CONSENT_TEXT, DEFINITION, reactMajor, rootOf, scriptedFetch, widgetFetch } from '../support/widget-fixture.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('<SignupForm> ready', () => {
  it(`runs on the React this project asks for (${reactMajor()})`, () => {
    expect(Number(version.split('.')[0])).toBe(reactMajor());
  });

  it('shows a placeholder with data-state="loading" until the definition arrives', async () => {
    const { handler } = proxyWithMock();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    expect(rootOf(container).dataset.state).toBe('loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent('Loading the signup form…');
    expect(container.querySelector('.dd-signup__skeleton')!.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('textbox')).toBeNull();
    await screen.findByLabelText('Email address');
    expect(rootOf(container).dataset.state).toBe('ready');
  });

  it('renders the email field as GOV.UK does, each category as a fieldset, nothing ticked', async () => {
    const { handler } = proxyWithMock();
    render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    const email = await screen.findByLabelText('Email address');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('autocomplete', 'email');
    expect(email).toHaveAttribute('spellcheck', 'false');
    expect(email).toBeRequired();
    expect(email.closest('.dd-signup__field')!.querySelector('label')).toBeVisible();

    const all = screen.getByRole('group', { name: 'What would you like to hear about?' });
    expect(all).toHaveAccessibleDescription('Choose any that interest you.');
    const newsletters = within(all).getByRole('group', { name: 'Newsletters' });
    expect(newsletters.tagName).toBe('FIELDSET');
    expect(within(newsletters).getAllByRole('checkbox').map((c) => c.getAttribute('id') && c.closest('div')!.textContent)).toEqual(['Weekly newsletter', 'Product updates']);
    for (const box of screen.getAllByRole('checkbox')) expect(box).not.toBeChecked();
    expect(screen.queryByText('Internal: sales follow-up')).toBeNull();

    expect(screen.getByText(CONSENT_TEXT)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Subscribe' })).toHaveAccessibleDescription(CONSENT_TEXT);
    // The honeypot is no textbox anyone can reach: hidden from the accessibility tree.
    expect(screen.getAllByRole('textbox')).toEqual([email]);
  });

  it('signs up: sends the ticked preferences and the consent record, then says so in the live region', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    await user.type(await screen.findByLabelText('Email address'), ' ann@example.com ');
    await user.click(screen.getByLabelText('Product updates'));
    await user.click(screen.getByLabelText('Events near you'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Thank you for subscribing'));
    expect(status).toHaveTextContent('We will send our emails to ann@example.com.');
    expect(rootOf(container).dataset.state).toBe('subscribed');
    expect(document.activeElement).toBe(status.querySelector('.dd-signup__panel'));
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect([...contact.optedIn].sort()).toEqual([3, 5]);
    expect(contact.consentRecords[0]!.fields).toMatchObject({ TEXT: CONSENT_TEXT, URL: window.location.href });

    // Never auto-hidden: still there ten minutes later.
    vi.useFakeTimers();
    act(() => void vi.advanceTimersByTime(10 * 60_000));
    expect(screen.getByRole('status')).toHaveTextContent('Thank you for subscribing');
  });

  it('asks a double opt-in visitor to check their inbox, naming the address', async () => {
    const proxy = scriptedFetch({ get: [{ status: 200, body: { ...DEFINITION, doubleOptIn: true } }], post: [{ status: 202, body: { status: 'pending_confirmation' } }] });
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email address'), 'bo@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(rootOf(container).dataset.state).toBe('pending_confirmation'));
    expect(screen.getByRole('status')).toHaveTextContent('Check your inbox');
    expect(screen.getByRole('status')).toHaveTextContent('If bo@example.com can receive our emails, you will find a message from us there with a link to confirm your subscription.');
  });

  it('goes to pending_confirmation when the proxy asks Dotdigital for double opt-in', async () => {
    const { handler, mock } = proxyWithMock({ optInType: 'VerifiedDouble' });
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    await user.type(await screen.findByLabelText('Email address'), 'dot@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(rootOf(container).dataset.state).toBe('pending_confirmation'));
    expect(screen.getByRole('status')).toHaveTextContent('If dot@example.com can receive our emails, you will find a message from us there');
    expect(mock.store.contacts.get('dot@example.com')!.status).toBe('PendingOptIn');
  });

  it.each([
    [false, 'subscribed', 'We will send our emails to cy@example.com.'],
    [true, 'pending_confirmation', 'If cy@example.com can receive our emails, a message from us with a link to confirm your subscription will arrive there; it may take a while.'],
  ])('treats a queued signup (double opt-in %s) as %s, saying only what is true', async (doubleOptIn, state, text) => {
    const proxy = scriptedFetch({ get: [{ status: 200, body: { ...DEFINITION, doubleOptIn } }], post: [{ status: 202, body: { status: 'queued' } }] });
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} onSuccess={onSuccess} />);
    await user.type(await screen.findByLabelText('Email address'), 'cy@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(rootOf(container).dataset.state).toBe(state));
    expect(onSuccess).toHaveBeenCalledWith({ status: 'queued', email: 'cy@example.com' });
    expect(screen.getByRole('status')).toHaveTextContent(text);
    expect(screen.getByRole('status')).not.toHaveTextContent('you will find a message');
  });

  it('is busy while submitting and never sends twice', async () => {
    const proxy = scriptedFetch({ post: ['never'] });
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} />);
    await user.type(await screen.findByLabelText('Email address'), 'dee@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    const busy = await screen.findByRole('button', { name: 'Subscribing…' });
    expect(rootOf(container).dataset.state).toBe('submitting');
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    await user.click(busy);
    await user.type(screen.getByLabelText('Email address'), '{Enter}');
    expect(proxy.posts()).toHaveLength(1);
  });

  it('prefills defaultValues and sends the data fields the proxy allows', async () => {
    const { handler, mock } = proxyWithMock({ fields: [{ name: 'FIRSTNAME', label: 'First name' }] });
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} defaultValues={{ email: 'eve@example.com' }} />);
    const firstName = await screen.findByLabelText('First name (optional)');
    expect(firstName).toHaveAttribute('autocomplete', 'given-name');
    expect(screen.getByLabelText('Email address')).toHaveValue('eve@example.com');
    await user.type(firstName, 'Eve');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(mock.store.contacts.get('eve@example.com')!.dataFields.get('FIRSTNAME')).toBe('Eve');
  });

  it('calls onReady, onSubmit and onSuccess with what happened', async () => {
    const { handler } = proxyWithMock();
    const calls: string[] = [];
    const onReady = vi.fn((_definition: FormDefinition) => void calls.push('ready'));
    const onSubmit = vi.fn((_request: SignupRequest) => void calls.push('submit'));
    const onSuccess = vi.fn(() => void calls.push('success'));
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} onReady={onReady} onSubmit={onSubmit} onSuccess={onSuccess} />);
    await user.type(await screen.findByLabelText('Email address'), 'fay@example.com');
    await user.click(screen.getByLabelText('Weekly newsletter'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    expect(calls).toEqual(['ready', 'submit', 'success']);
    expect(onReady.mock.calls[0]![0]).toMatchObject({ consent: { text: CONSENT_TEXT } });
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ email: 'fay@example.com', preferences: [2], consent: { text: CONSENT_TEXT, pageUrl: window.location.href } });
    expect(onSuccess).toHaveBeenCalledWith({ status: 'subscribed', email: 'fay@example.com' });
  });

  it('reports a callback that throws, and carries on', async () => {
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    const proxy = scriptedFetch({});
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={proxy.fetch} onSuccess={() => { throw new Error('analytics down'); }} />);
    await user.type(await screen.findByLabelText('Email address'), 'lee@example.com');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(rootOf(container).dataset.state).toBe('subscribed'));
    expect(reported).toHaveBeenCalledWith(new Error('analytics down'));
    vi.unstubAllGlobals();
  });

  it('takes className and style on the root, and leaves its stylesheet out when unstyled', async () => {
    const { handler } = proxyWithMock();
    const styled = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} className="brand" style={{ ['--dd-accent' as string]: '#7b2d8b' }} />);
    const root = rootOf(styled.container);
    expect(root).toHaveClass('dd-signup', 'brand');
    expect(root.style.getPropertyValue('--dd-accent')).toBe('#7b2d8b');
    // In the form (React 18) or hoisted into <head> (React 19): jsdom has no document.adoptedStyleSheets.
    expect(document.querySelector('style')!.textContent).toBe(signupFormStyles);
    const bare = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} unstyled />);
    expect(rootOf(bare.container).querySelector('style')).toBeNull();
    await waitFor(() => expect(rootOf(bare.container).dataset.state).toBe('ready'));
    expect(rootOf(bare.container).querySelector('.dd-signup__form .dd-signup__input--email')).not.toBeNull();
  });

  it('says how to fix a missing endpoint', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const quiet = (event: ErrorEvent) => event.preventDefault(); // jsdom would print React's rethrow
    window.addEventListener('error', quiet);
    expect(() => render(<SignupForm endpoint="" />)).toThrow(/`endpoint` is required — the URL of your signup proxy/);
    window.removeEventListener('error', quiet);
  });
});

describe('<SignupForm> robustness', () => {
  it('fetches the definition once under StrictMode and calls onReady once', async () => {
    const proxy = scriptedFetch({});
    const onReady = vi.fn();
    render(
      <StrictMode>
        <SignupForm endpoint="/api/signup" fetch={proxy.fetch} onReady={onReady} />
      </StrictMode>,
    );
    await screen.findByLabelText('Email address');
    // StrictMode runs each effect twice in the same commit: by the time onReady has been called,
    // a second load or a second onReady would have happened too.
    await waitFor(() => expect(onReady).toHaveBeenCalled());
    expect(proxy.gets()).toHaveLength(1);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('keeps several forms on one page apart: unique ids, separate state', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    const { container } = render(
      <>
        <SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />
        <SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} locale="fr" />
      </>,
    );
    await screen.findByLabelText('Adresse e-mail');
    const [first, second] = await screen.findAllByRole('textbox');
    const ids = [...container.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    await user.type(first!, 'gil@example.com');
    await user.type(second!, 'hal@example.com');
    await user.click(screen.getAllByLabelText('Weekly newsletter')[1]!);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing');
    const [one, two] = [...container.querySelectorAll<HTMLElement>('.dd-signup')];
    expect(one!.dataset.state).toBe('subscribed');
    expect(two!.dataset.state).toBe('ready');
    expect(second).toHaveValue('hal@example.com');
    expect(screen.getByLabelText('Weekly newsletter')).toBeChecked();
    expect(mock.store.contacts.has('hal@example.com')).toBe(false);
    expect([...mock.store.contacts.get('gil@example.com')!.optedIn]).toEqual([]);
  });

  it('hides the honeypot from people, screen readers, the tab order and autofill; a bot that fills it is dropped', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} unstyled />);
    await screen.findByLabelText('Email address');
    const trap = container.querySelector<HTMLElement>('.dd-signup__honeypot')!;
    const input = trap.querySelector('input')!;
    expect(trap).toHaveAttribute('aria-hidden', 'true');
    // Hidden even with `unstyled`, and by no `style` attribute (an inline style a strict CSP refuses in server-rendered HTML).
    expect(trap.hidden).toBe(true);
    expect(trap).not.toHaveAttribute('style');
    expect(trap).not.toBeVisible();
    expect(input).toHaveAttribute('tabindex', '-1');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('data-1p-ignore');
    expect(input).toHaveAttribute('data-lpignore', 'true');
    expect(input.name).toBe('honeypot');

    await user.type(screen.getByLabelText('Email address'), 'bot@example.com');
    await user.type(input, 'http://spam.example');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('Thank you for subscribing'); // the bot learns nothing
    expect(mock.store.contacts.has('bot@example.com')).toBe(false);
  });
});
