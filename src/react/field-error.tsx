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
