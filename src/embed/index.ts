// The script-tag entry: the only module with side effects. It defines the custom element
// and exposes window.DotdigitalSignup.
import { defineSignupElement } from './define-signup-element.js';
import { mountSignupForm } from './mount-signup-form.js';

declare global {
  interface Window {
    DotdigitalSignup?: { mount: typeof mountSignupForm };
  }
}

defineSignupElement();
window.DotdigitalSignup = { mount: mountSignupForm };
