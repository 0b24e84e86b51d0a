import { useEffect, useRef, type MouseEvent } from 'react';
import type { SignupMessages } from '../core/messages.js';
import { RETRYABLE_CODES, type SignupIssue } from '../core/signup-issue.js';

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  issues: SignupIssue[];
  messages: SignupMessages;
  /** The id of the element each issue's link focuses, if any. */
  targetOf: (issue: SignupIssue) => string | undefined;
  /** Send the same values again (offered when the service, not the visitor, failed). */
  onRetry: () => void;
}

/**
 * GOV.UK's error summary: after a failed submit it takes focus, says what is wrong and
 * links each problem to its field. Links move focus themselves, because a `#fragment`
 * cannot reach into a shadow root.
 *
 * @example
 * {state === 'error' ? <ErrorSummary issues={issues} messages={messages} targetOf={…} onRetry={onSubmit} /> : null}
 */
export function ErrorSummary({ issues, messages, targetOf, onRetry }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [issues]);
  const retryable = issues.some((issue) => RETRYABLE_CODES.has(issue.code));

  return (
    <div className="dd-signup__summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <p className="dd-signup__summary-title">{messages.errorSummaryTitle}</p>
        <ul className="dd-signup__summary-list">
          {issues.map((issue) => {
            const target = targetOf(issue);
            return (
              <li key={`${issue.field ?? 'form'}-${issue.code}`}>
                {target ? (
                  <a href={`#${target}`} onClick={(event) => focusTarget(event, target)}>
                    {issue.message}
                  </a>
                ) : (
                  issue.message
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {retryable ? (
        <button type="button" className="dd-signup__button dd-signup__button--secondary" onClick={onRetry}>
          {messages.retry}
        </button>
      ) : null}
    </div>
  );
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
  const target = root.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  // Bring the label or legend into view too, not just the input.
  (target.closest('.dd-signup__field, .dd-signup__fieldset, .dd-signup__consent') ?? target).scrollIntoView?.({ block: 'nearest' });
}
