// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SignupForm } from '../../src/index.js';
import { proxyWithMock } from '../server/proxy-fixture.js';

afterEach(cleanup);

/** The widget talking to the real proxy, which talks to the in-process mock. */
function widgetFetch(handler: (request: Request) => Promise<Response>): typeof fetch {
  return async (input, init) => handler(new Request(new URL(String(input), 'https://www.example.com'), init));
}

describe('<SignupForm>', () => {
  it('renders the public preferences grouped by category, nothing ticked', async () => {
    const { handler } = proxyWithMock();
    render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    const group = await screen.findByRole('group', { name: 'Newsletters' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByLabelText('Events near you')).not.toBeChecked();
    expect(screen.queryByText('Internal: sales follow-up')).toBeNull();
    const email = screen.getByLabelText('Email address');
    expect(email).toHaveProperty('type', 'email');
    expect(email.getAttribute('autocomplete')).toBe('email');
  });

  it('submits the ticked preferences and the consent record, then says so', async () => {
    const { handler, mock } = proxyWithMock();
    const user = userEvent.setup();
    const { container } = render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    await user.type(await screen.findByLabelText('Email address'), 'ann@example.com');
    await user.click(screen.getByLabelText('Product updates'));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Thank you — you are subscribed.')).toBeTruthy();
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('subscribed');
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect([...contact.optedIn]).toEqual([3]);
    expect(contact.consentRecords[0]!.fields.URL).toBe(window.location.href);
  });

  it('shows an inline error for an invalid address and sends nothing', async () => {
    const { handler, upstream } = proxyWithMock();
    const user = userEvent.setup();
    render(<SignupForm endpoint="/api/signup" fetch={widgetFetch(handler)} />);
    await user.type(await screen.findByLabelText('Email address'), 'ann@');
    const before = upstream.length;
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText(/Enter an email address in the correct format/)).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(upstream.length).toBe(before);
  });

  it('says how to fix a missing endpoint', () => {
    expect(() => render(<SignupForm endpoint="" />)).toThrow(/`endpoint` is required/);
  });
});
