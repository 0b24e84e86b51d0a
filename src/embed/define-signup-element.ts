import { mountSignupForm, type MountOptions, type UpdatableSignupForm } from './mount-signup-form.js';

/** The tag name of the script-tag widget. */
export const ELEMENT_NAME = 'dotdigital-signup';

/**
 * Defines `<dotdigital-signup endpoint="…" locale="…">`, which renders the form into its
 * own shadow root so the host page's CSS cannot break it. Changing an attribute re-renders;
 * removing the element unmounts it. Safe to call twice (or to load the script twice).
 *
 * @example
 * defineSignupElement();
 * document.body.insertAdjacentHTML('beforeend', '<dotdigital-signup endpoint="/api/signup"></dotdigital-signup>');
 */
export function defineSignupElement(): void {
  if (customElements.get(ELEMENT_NAME)) return;
  customElements.define(
    ELEMENT_NAME,
    class DotdigitalSignupElement extends HTMLElement {
      static readonly observedAttributes = ['endpoint', 'locale'];
      #mounted: UpdatableSignupForm | undefined;

      connectedCallback(): void {
        const options = this.#options();
        if (!options) return;
        if (this.#mounted) this.#mounted.update(options);
        else this.#mounted = mountSignupForm(this, options);
      }

      attributeChangedCallback(): void {
        if (this.isConnected) this.connectedCallback();
      }

      disconnectedCallback(): void {
        this.#mounted?.unmount();
        this.#mounted = undefined;
      }

      #options(): MountOptions | undefined {
        const endpoint = this.getAttribute('endpoint');
        if (!endpoint) {
          console.error('<dotdigital-signup>: the `endpoint` attribute is required — the URL of your signup proxy, e.g. endpoint="/api/signup" (see README, "Script tag").');
          return undefined;
        }
        const locale = this.getAttribute('locale');
        return locale ? { endpoint, locale } : { endpoint };
      }
    },
  );
}
