import { useRef, type MouseEvent } from 'react';
import type { SignupMessages } from '../core/messages.js';
import { RETRYABLE_CODES, type SignupIssue } from '../core/signup-issue.js';
import { useBrowserLayoutEffect } from './use-browser-layout-effect.js';

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  issues: SignupIssue[];
  messages: SignupMessages;
  /**
   * The id of the element each issue's link moves focus to, if any: the control itself, or an
   * element around it (shadcn/ui's `<FormItem id>`), whose first control then takes focus.
   */
  targetOf: (issue: SignupIssue) => string | undefined;
  /** Send the same values again (offered when the service, not the visitor, failed). */
  onRetry: () => void;
}

/**
 * GOV.UK's error summary: it takes focus when it appears, says what is wrong and links each
 * problem to its field. Links move focus themselves, because a `#fragment` cannot reach into a
 * shadow root, nor past a wrapper to the control inside it. Give it `key={form.formState.submitCount}`
 * so that each failed submit brings a fresh one, which takes focus again.
 *
 * @example
 * {state === 'error' ? <ErrorSummary key={form.formState.submitCount} issues={issues} messages={messages} targetOf={…} onRetry={submit} /> : null}
 */
export function ErrorSummary({ issues, messages, targetOf, onRetry }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useBrowserLayoutEffect(() => ref.current?.focus(), []); // before it is painted: a screen reader hears it at once
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

// What a link can move focus to: a control, or an element made focusable (the consent statement);
// not the input a Radix checkbox keeps beside its button, which is aria-hidden.
const FOCUSABLE = 'input:not([aria-hidden]),select,textarea,button,[tabindex]';

function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
  const element = root.getElementById(id);
  const target = element?.matches(FOCUSABLE) ? element : element?.querySelector<HTMLElement>(FOCUSABLE);
  if (!element || !target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  // Bring the label or legend into view too, not just the input.
  (target.closest('.dd-signup__field, .dd-signup__fieldset, .dd-signup__consent') ?? element).scrollIntoView?.({ block: 'nearest' });
}
