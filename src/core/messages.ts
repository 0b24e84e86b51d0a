import type { SignupErrorCode } from './error-codes.js';

/**
 * Every string the widget shows. Built-in sets exist for English, German, French, Spanish
 * and Dutch (`locale`); override any string with the `messages` option. Strings that
 * include a value are functions.
 */
export interface SignupMessages {
  /** BCP 47 language of these strings; the form's root carries it as `lang`. */
  locale: string;
  emailLabel: string;
  /** Shown under the email label; empty for none. */
  emailHint: string;
  preferencesLegend: string;
  /** Shown under the preferences legend; empty for none. */
  preferencesHint: string;
  /** Appended to the label of an optional data field, e.g. "First name (optional)". */
  optional: string;
  submit: string;
  submitting: string;
  loading: string;
  /** The form could not be loaded because no answer came (the visitor's connection, or the proxy is down). */
  definitionFailed: string;
  /** The form could not be loaded because the proxy answered with an error (a 404 shows `errors.not_found`). */
  definitionUnavailable: string;
  /**
   * `definitionFailed` when the proxy said how long to wait (a 429 or 503 with `Retry-After`):
   * `wait` is the time in the form's language ("30 seconds", "2 Minuten"), `seconds` the number.
   */
  definitionFailedRetryAfter: (wait: string, seconds: number) => string;
  retry: string;
  subscribedTitle: string;
  subscribed: (email: string) => string;
  pendingTitle: string;
  /**
   * `202 pending_confirmation`. The proxy gives that one answer to every address that left (unsubscribed, bounced,
   * suppressed) so the form reveals nothing: word it to be true also when no email comes.
   */
  pendingConfirmation: (email: string) => string;
  /** Double opt-in while the proxy queued the signup: the confirmation email has not been sent yet. */
  queuedConfirmation: (email: string) => string;
  /** Read out before each inline error by screen readers, hidden on screen. */
  errorPrefix: string;
  errorSummaryTitle: string;
  /** Badge on the consent statement after it changed under the visitor. */
  consentUpdated: string;
  fieldRequired: (label: string) => string;
  fieldNumber: (label: string) => string;
  /** A required checkbox (a `Boolean` data field) left unticked. */
  fieldConfirm: (label: string) => string;
  /** `errors.rate_limited` when the proxy said how long to wait (`Retry-After`); arguments as `definitionFailedRetryAfter`'s. */
  rateLimitedRetryAfter: (wait: string, seconds: number) => string;
  /** `errors.upstream_unavailable` when the proxy said how long to wait (`Retry-After`); arguments as `definitionFailedRetryAfter`'s. */
  unavailableRetryAfter: (wait: string, seconds: number) => string;
  /** One message for each error code the proxy can answer with. */
  errors: Record<SignupErrorCode, string>;
}

/** What the `messages` option takes: any strings, and any of the error messages. */
export type SignupMessageOverrides = Partial<Omit<SignupMessages, 'errors'>> & { errors?: Partial<Record<SignupErrorCode, string>> };

/**
 * The built-in English messages.
 *
 * @example
 * <SignupForm endpoint="/api/signup" messages={{ submit: 'Join the list' }} />
 */
export const englishMessages: SignupMessages = {
  locale: 'en',
  emailLabel: 'Email address',
  emailHint: '',
  preferencesLegend: 'What would you like to hear about?',
  preferencesHint: 'Choose any that interest you.',
  optional: '(optional)',
  submit: 'Subscribe',
  submitting: 'Subscribing…',
  loading: 'Loading the signup form…',
  definitionFailed: 'The signup form could not be loaded. Check your connection and try again.',
  definitionUnavailable: 'The signup form could not be loaded. Try again later.',
  definitionFailedRetryAfter: (wait) => `The signup form could not be loaded. Try again in about ${wait}.`,
  retry: 'Try again',
  subscribedTitle: 'Thank you for subscribing',
  subscribed: (email) => `We will send our emails to ${email}.`,
  pendingTitle: 'Check your inbox',
  // True whoever signed up: Dotdigital emails new and returning subscribers, sends nothing to an address that
  // cannot receive email (suppressed, bounced), and only a few emails to one who asks again and again.
  pendingConfirmation: (email) => `If ${email} can receive our emails, you will find a message from us there with a link to confirm your subscription. Click the link to finish subscribing.`,
  queuedConfirmation: (email) => `If ${email} can receive our emails, a message from us with a link to confirm your subscription will arrive there; it may take a while. Click the link to finish subscribing.`,
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  consentUpdated: 'Updated',
  // "Enter first name", but "Enter ZIP code": lower-case the first letter of a word only.
  fieldRequired: (label) => `Enter ${/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label}`,
  fieldNumber: (label) => `${label} must be a number`,
  fieldConfirm: (label) => `Select ‘${label}’ to continue`,
  rateLimitedRetryAfter: (wait) => `Too many signups at once. Try again in about ${wait}.`,
  unavailableRetryAfter: (wait) => `The newsletter service is not answering right now. Your details are still here: try again in about ${wait}.`,
  errors: {
    invalid_json: 'Something went wrong sending the form. Try again.',
    invalid_request: 'Something went wrong sending the form. Try again.',
    payload_too_large: 'The form is too large to send. Shorten what you entered and try again.',
    unsupported_media_type: 'Something went wrong sending the form. Try again.',
    method_not_allowed: 'Something went wrong sending the form. Try again.',
    not_found: 'The signup service could not be found. Try again later.',
    missing_email: 'Enter your email address',
    invalid_email: 'Enter an email address in the correct format, like name@example.com',
    unknown_preference: 'The choices on this form have changed. Check them and subscribe again.',
    unknown_field: 'This form sent a detail the signup service does not accept. Try again later.',
    invalid_field: 'Check the details you entered',
    missing_field: 'Fill in the required details',
    consent_mismatch: 'The consent statement has changed. Read the updated statement, then subscribe again.',
    invalid_page_url: 'Signups are not accepted from this page.',
    origin_not_allowed: 'Signups are not accepted from this website.',
    human_check_failed: 'We could not confirm that a person sent this form. Reload the page, then subscribe again.',
    javascript_required: 'This form needs JavaScript right now. Turn JavaScript on, then subscribe again.',
    rate_limited: 'Too many signups at once. Wait a minute, then try again.',
    contact_rejected: 'This address cannot be subscribed. Contact us if you think this is wrong.',
    upstream_unavailable: 'The newsletter service is not answering right now. Your details are still here: try again in a moment.',
    upstream_rejected: 'The newsletter service could not take your signup. Try again later.',
    network_error: 'Could not connect. Check your connection, then try again.',
    internal_error: 'Something went wrong. Try again later.',
  },
};

/**
 * Built-in messages with overrides on top (the `errors` map is merged too).
 *
 * @example
 * mergeSignupMessages(englishMessages, { submit: 'Join', errors: { rate_limited: 'Slow down.' } });
 */
export function mergeSignupMessages(base: SignupMessages, overrides: SignupMessageOverrides | undefined): SignupMessages {
  if (!overrides) return base;
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } } as SignupMessages;
}
