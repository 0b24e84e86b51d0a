import { useEffect, useRef } from 'react';
import type { SignupMessages } from '../core/messages.js';

/** Props of {@link SignupStatusPanel}. */
export interface SignupStatusPanelProps {
  pending: boolean;
  /** The proxy queued the signup: for double opt-in, the confirmation email is not sent yet. */
  queued?: boolean;
  /** The address signed up; empty when unknown, then the panel says only its title. */
  email: string;
  messages: SignupMessages;
}

/**
 * The success message: "subscribed", or "check your inbox" naming the address for double
 * opt-in. Rendered inside the form's live region and never hidden again. It takes focus
 * when the form it replaces had it, so keyboard users are not dropped at the top of the page.
 *
 * @example
 * <SignupStatusPanel pending email="ann@example.com" messages={englishMessages} />
 */
export function SignupStatusPanel({ pending, queued = false, email, messages }: SignupStatusPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const active = (panel.getRootNode() as Document | ShadowRoot).activeElement;
    if (!active || active === panel.ownerDocument.body || panel.closest('.dd-signup')?.contains(active)) panel.focus();
  }, []);
  return (
    <div className={`dd-signup__panel dd-signup__panel--${pending ? 'pending' : 'subscribed'}`} ref={ref} tabIndex={-1}>
      <span className="dd-signup__panel-icon" aria-hidden="true" />
      <p className="dd-signup__panel-title">{pending ? messages.pendingTitle : messages.subscribedTitle}</p>
      {/* No address after a post without JavaScript (it never goes into a URL): the title alone. */}
      {email ? <p className="dd-signup__panel-text">{pending ? (queued ? messages.queuedConfirmation : messages.pendingConfirmation)(email) : messages.subscribed(email)}</p> : null}
    </div>
  );
}
