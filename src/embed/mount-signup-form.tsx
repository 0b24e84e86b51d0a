import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm, type SignupFormProps } from '../index.js';

/** What `mount` returns. */
export interface MountedSignupForm {
  unmount(): void;
}

/**
 * Renders the signup form into `element` (a shadow root or any element).
 *
 * @example
 * const form = DotdigitalSignup.mount(document.getElementById('signup'), { endpoint: '/api/signup' });
 * form.unmount();
 */
export function mountSignupForm(element: Element | ShadowRoot, options: SignupFormProps): MountedSignupForm {
  const root = createRoot(element);
  root.render(createElement(SignupForm, options));
  return { unmount: () => root.unmount() };
}
