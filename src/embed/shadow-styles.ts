import { signupFormStyles } from '../react/signup-form-styles.js';

let shared: CSSStyleSheet | undefined;

/**
 * The widget's stylesheet as one constructable stylesheet, shared by every widget on the
 * page. Constructable stylesheets are not `<style>` elements, so a page whose CSP says
 * `style-src 'self'` still styles the form.
 *
 * The React styles declare the theme's custom properties (`--dd-accent`…) on `.dd-signup`,
 * which would shadow anything the page sets on `<dotdigital-signup>`. Here they move to
 * `:host`, where the page's own rules win (outer styles beat `:host` rules), so
 * `dotdigital-signup { --dd-accent: #8a1538 }` themes the form.
 *
 * @example
 * shadowRoot.adoptedStyleSheets = [embedStyleSheet()];
 */
export function embedStyleSheet(): CSSStyleSheet {
  if (shared) return shared;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(signupFormStyles);
  const theme: string[] = [];
  for (const rule of Array.from(sheet.cssRules)) {
    if (!(rule instanceof CSSStyleRule) || rule.selectorText !== '.dd-signup') continue;
    for (const name of Array.from(rule.style)) {
      if (!name.startsWith('--')) continue;
      theme.push(`${name}:${rule.style.getPropertyValue(name)}`);
      rule.style.removeProperty(name);
    }
  }
  sheet.insertRule(`:host{display:block;${theme.join(';')}}`, 0);
  sheet.insertRule(':host([hidden]){display:none}', 1);
  shared = sheet;
  return sheet;
}
