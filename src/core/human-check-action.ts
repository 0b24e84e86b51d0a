// A file of its own, not beside HumanCheckInfo in form-definition.ts: the submitting chunk
// needs this one string, and must not pull the definition's schema (zod) in with it.

/**
 * The action the widget runs a vendor's check for (Turnstile and reCAPTCHA v3 take one):
 * reCAPTCHA's siteverify answers it back, and the proxy refuses a token made for another action
 * (another form's, on the same site key).
 *
 * @example
 * grecaptcha.execute(siteKey, { action: HUMAN_CHECK_ACTION });
 */
export const HUMAN_CHECK_ACTION = 'signup';
