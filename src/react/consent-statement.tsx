import type { SignupMessages } from '../core/messages.js';
import { FieldError } from './field-error.js';
import { cx, type SignupFormIds } from './signup-form-ids.js';
import type { SignupIssue } from '../core/signup-issue.js';

/** Props of {@link ConsentStatement}. */
export interface ConsentStatementProps {
  text: string;
  ids: SignupFormIds;
  messages: SignupMessages;
  /** The text changed while the visitor was on the page and was reloaded. */
  updated: boolean;
  issue: SignupIssue | undefined;
}

/**
 * The consent statement the visitor agrees to by subscribing: exactly the text stored in
 * the consent record. Focusable, so the error summary can take the visitor to it after it
 * changed.
 *
 * @example
 * <ConsentStatement text={definition.consent.text} ids={ids} messages={messages} updated={false} issue={undefined} />
 */
export function ConsentStatement({ text, ids, messages, updated, issue }: ConsentStatementProps) {
  return (
    <div className={cx('dd-signup__consent', updated && 'dd-signup__consent--updated', issue && 'dd-signup__field--error')}>
      {issue ? <FieldError id={ids.error('consent')} prefix={messages.errorPrefix} message={issue.message} /> : null}
      {updated ? <span className="dd-signup__badge">{messages.consentUpdated}</span> : null}
      <p className="dd-signup__consent-text" id={ids.consent} tabIndex={-1} aria-describedby={issue ? ids.error('consent') : undefined}>
        {text}
      </p>
    </div>
  );
}
