import type { SignupErrorCode } from './error-codes.js';

/** Every string the widget shows. Override any of them with the `messages` option. */
export interface SignupMessages {
  emailLabel: string;
  emailHint: string;
  preferencesLegend: string;
  submit: string;
  submitting: string;
  loading: string;
  definitionFailed: string;
  retry: string;
  subscribed: string;
  pendingConfirmation: (email: string) => string;
  queued: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  errors: Record<SignupErrorCode, string>;
}

/**
 * The built-in English messages.
 *
 * @example
 * <SignupForm endpoint="/api/signup" messages={{ submit: 'Join the list' }} />
 */
export const englishMessages: SignupMessages = {
  emailLabel: 'Email address',
  emailHint: '',
  preferencesLegend: 'What would you like to hear about?',
  submit: 'Subscribe',
  submitting: 'Subscribing…',
  loading: 'Loading the signup form…',
  definitionFailed: 'The signup form could not be loaded.',
  retry: 'Try again',
  subscribed: 'Thank you — you are subscribed.',
  pendingConfirmation: (email) => `Check your inbox: we have sent a link to ${email}. Click it to confirm your subscription.`,
  queued: 'Thank you — your subscription has been received.',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  errors: {
    invalid_json: 'Something went wrong sending the form. Please try again.',
    invalid_request: 'Something went wrong sending the form. Please try again.',
    payload_too_large: 'The form is too large to send.',
    unsupported_media_type: 'Something went wrong sending the form. Please try again.',
    method_not_allowed: 'Something went wrong sending the form. Please try again.',
    not_found: 'The signup service could not be found.',
    missing_email: 'Enter your email address',
    invalid_email: 'Enter an email address in the correct format, like name@example.com',
    unknown_preference: 'One of the choices is no longer available. Reload the page and try again.',
    unknown_field: 'The form sent a field the signup service does not accept.',
    invalid_field: 'Check the details you entered.',
    missing_field: 'Fill in the required fields.',
    consent_mismatch: 'The consent text has changed. Please read it again and resubmit.',
    invalid_page_url: 'This page is not allowed to sign people up.',
    origin_not_allowed: 'This website is not allowed to sign people up.',
    rate_limited: 'Too many attempts. Wait a minute and try again.',
    contact_rejected: 'We could not subscribe this address. Contact us if you think this is wrong.',
    upstream_unavailable: 'The newsletter service is not answering right now. Your details are still here: try again in a moment.',
    upstream_rejected: 'The newsletter service could not take your signup. Please try again later.',
    network_error: 'Could not connect. Check your connection and try again.',
    internal_error: 'Something went wrong. Please try again later.',
  },
};
