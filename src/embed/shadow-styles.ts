import { signupFormStyles } from '../react/signup-form-styles.js';

let shared: CSSStyleSheet | undefined;

/**
 * The widget's stylesheet as one constructable stylesheet, shared by every widget on the
 * page. Constructable stylesheets are not `<style>` elements, so a page whose CSP says
 * `style-src 'self'` still styles the form. The `--dd-*` theming tokens are never declared
 * by the sheet, so values the page sets on `<dotdigital-signup>` (or any ancestor) inherit
 * into the shadow root.
 *
 * @example
 * shadowRoot.adoptedStyleSheets = [embedStyleSheet()];
 */
export function embedStyleSheet(): CSSStyleSheet {
  if (shared) return shared;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host{display:block}:host([hidden]){display:none}${signupFormStyles}`);
  shared = sheet;
  return sheet;
}
