/**
 * An inline error, GOV.UK style: the visible message, preceded for screen readers by a
 * hidden "Error:" so it is not mistaken for a hint. Link it with `aria-describedby`.
 *
 * @example
 * <FieldError id={ids.error('email')} prefix={messages.errorPrefix} message="Enter your email address" />
 */
export function FieldError({ id, prefix, message }: { id: string; prefix: string; message: string }) {
  return (
    <p className="dd-signup__error" id={id}>
      <span className="dd-signup__visually-hidden">{prefix}</span> {message}
    </p>
  );
}

interface HintAndErrorProps {
  hint: string;
  hintId: string;
  error: string | undefined;
  errorId: string;
  prefix: string;
}

/**
 * What sits between a label (or legend) and its control, GOV.UK order: the hint, then the
 * error. Either may be absent. Point the control's `aria-describedby` at both ids.
 *
 * @example
 * <HintAndError hint={messages.emailHint} hintId={ids.emailHint} error={issue?.message} errorId={ids.error('email')} prefix="Error:" />
 */
export function HintAndError({ hint, hintId, error, errorId, prefix }: HintAndErrorProps) {
  return (
    <>
      {hint ? (
        <p className="dd-signup__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} prefix={prefix} message={error} /> : null}
    </>
  );
}
