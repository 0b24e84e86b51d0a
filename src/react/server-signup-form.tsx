'use client';
import { signupOutcomeResult, type SignupOutcome } from '../core/signup-outcome.js';
import { PostedFormInputs, usePostedOutcome } from './posted-form.js';
import { useSignupFormMarkup, type SignupFormProps } from './signup-form.js';

/** Props of {@link ServerSignupForm}. */
export interface ServerSignupFormProps extends SignupFormProps {
  /**
   * The page's URL, for the form posted before its script runs: the consent record's page and
   * where the proxy sends the visitor back to. Without it the proxy takes the `Referer`, which
   * browsers send whole only to the page's own origin (to another, the origin alone: their
   * default `strict-origin-when-cross-origin`), so give it when the proxy is on another origin.
   */
  pageUrl?: string;
  /**
   * The outcome of this form posted without JavaScript, from the URL the proxy sent the visitor
   * back to: `readSignupOutcome(requestUrl)` (or Next.js's `searchParams`) from
   * `dotdigital-signup/core`, so the server renders it. Give the same when hydrating.
   */
  outcome?: SignupOutcome | undefined;
}

/**
 * {@link SignupForm} for a page a server renders with the form definition: the same form, and it
 * works before its script has run (or with none). It is a real `<form method="post"
 * action={endpoint}>` whose inputs carry the names the proxy reads (core's `SIGNUP_FORM_FIELDS`),
 * with the consent it shows in hidden inputs; the proxy answers `303` back to the page with the
 * outcome in the URL. Give that as `outcome` (`readSignupOutcome(requestUrl)`) and the server
 * renders it; in the browser the form also reads it from `location`, when the fragment is its
 * id, and takes it out of the URL. Once its script runs, it submits with `fetch` as `<SignupForm>` does.
 *
 * @example
 * <ServerSignupForm endpoint="/api/signup" definition={await handler.formDefinition()} outcome={readSignupOutcome(request.url)} />
 */
export function ServerSignupForm({ pageUrl, outcome, ...props }: ServerSignupFormProps) {
  const shown = outcome && signupOutcomeResult(outcome);
  return useSignupFormMarkup(props, { Inputs: PostedFormInputs, useOutcome: usePostedOutcome, pageUrl, shown });
}
