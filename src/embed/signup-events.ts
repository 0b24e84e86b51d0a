import type { FormDefinition, SignupStatus } from '../core/index.js';

/** The DOM events the script tag dispatches on its element (bubbling, composed). */
export const SIGNUP_EVENTS = {
  ready: 'dotdigital-signup:ready',
  submit: 'dotdigital-signup:submit',
  success: 'dotdigital-signup:success',
  error: 'dotdigital-signup:error',
} as const;

/** `event.detail` of each event. `email` is personal data: think before sending it to analytics. */
export interface SignupEventDetails {
  /** The form is on screen: preferences rendered, email field focusable. */
  ready: { definition: FormDefinition };
  /** The visitor submitted a valid form; it is being sent to the proxy. */
  submit: { email: string; preferences: number[] };
  /** The proxy accepted the signup. */
  success: { status: SignupStatus; email: string };
  /**
   * Loading the form (`phase: 'load'`) or submitting (`'submit'`) failed; `code` is the
   * protocol's error code; `retryAfter` the seconds the proxy asked to wait, when it said.
   */
  error: { code: string; message: string; phase: 'load' | 'submit'; field?: string; retryAfter?: number };
}

/**
 * Dispatches one of the widget's events from `target`. `composed` lets a listener on
 * `document` hear events from inside any shadow root.
 *
 * @example
 * dispatchSignupEvent(host, 'success', { status: 'subscribed', email });
 */
export function dispatchSignupEvent<K extends keyof SignupEventDetails>(target: EventTarget, kind: K, detail: SignupEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(SIGNUP_EVENTS[kind], { bubbles: true, composed: true, detail }));
}
