// The script-tag entry: the only module with side effects. It defines the custom element,
// installs window.DotdigitalSignup and runs the calls queued before it loaded.
import { defineSignupElement } from './define-signup-element.js';
import { installGlobal, type DotdigitalSignupGlobal } from './install-global.js';

declare global {
  interface Window {
    DotdigitalSignup?: DotdigitalSignupGlobal;
  }
}

installGlobal(window);
defineSignupElement();
