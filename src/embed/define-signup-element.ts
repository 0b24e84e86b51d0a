import { mountSignupForm, type MountedSignupForm } from './mount-signup-form.js';

/** The tag name of the script-tag widget. */
export const ELEMENT_NAME = 'dotdigital-signup';

/**
 * Defines `<dotdigital-signup endpoint="…">`, which renders the form into its own shadow
 * root so the host page's CSS cannot break it. Safe to call twice.
 */
export function defineSignupElement(): void {
  if (customElements.get(ELEMENT_NAME)) return;
  customElements.define(
    ELEMENT_NAME,
    class DotdigitalSignupElement extends HTMLElement {
      #mounted: MountedSignupForm | undefined;

      connectedCallback(): void {
        const endpoint = this.getAttribute('endpoint');
        if (!endpoint) {
          console.error('<dotdigital-signup>: the `endpoint` attribute is required — the URL of your signup proxy, e.g. endpoint="/api/signup" (see README).');
          return;
        }
        const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        this.#mounted = mountSignupForm(root, { endpoint });
      }

      disconnectedCallback(): void {
        this.#mounted?.unmount();
        this.#mounted = undefined;
      }
    },
  );
}
