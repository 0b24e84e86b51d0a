import { useSyncExternalStore } from 'react';
import { signupFormStyles } from './signup-form-styles.js';

// One stylesheet per document, however many forms, React 18 or 19, server-rendered or not:
//
// - In the browser the sheet is one constructable stylesheet on `document.adoptedStyleSheets`,
//   shared by every form. It is not a <style> element, so a strict CSP (`style-src 'self'`, or
//   a nonce) allows it with no nonce at all.
// - On the server there is no document, so each form renders a <style> with the `nonce` prop.
//   React 19 treats a <style> with `href` and `precedence` as a resource: it renders it once
//   per document and hoists it into <head> (streams; renderToString puts it at the start of its
//   output). It writes the `nonce` only when the stream is given the same one
//   (`renderToReadableStream(app, { nonce: { style } })`): renderToString cannot carry one.
//   React 18 has no such resources: it renders one <style> inside each form (the CSS repeats,
//   which gzip mostly absorbs).
// - Hydrating, a form renders what the server did (useSyncExternalStore's server snapshot), so
//   nothing mismatches. Then React 18's inline copies go and the adopted sheet takes over;
//   React 19's hoisted <style> (data-href) is kept, and no sheet is adopted beside it.
// - A browser without constructable stylesheets on the document (Safari before 16.4, jsdom)
//   keeps the <style>.

let sheet: CSSStyleSheet | undefined;

/** True once the document has the shared sheet; false where the <style> must stay. */
function adoptSheet(): boolean {
  const adopted = document.adoptedStyleSheets;
  if (!adopted || document.querySelector('style[data-href=dd-signup]')) return false;
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(signupFormStyles);
  if (!adopted.includes(sheet)) document.adoptedStyleSheets = [...adopted, sheet];
  return true;
}

const unchanging = () => () => {};
const onServer = () => false;

/**
 * The default stylesheet of `<SignupForm>`, once per document (see above), with `nonce` on any
 * <style> it renders.
 *
 * @example
 * <SignupFormStyle nonce={nonce} />
 */
export function SignupFormStyle({ nonce }: { nonce: string | undefined }) {
  // As HTML, not a text child: React 18's server renderer would escape the quotes in it.
  return useSyncExternalStore(unchanging, adoptSheet, onServer) ? null : (
    <style href="dd-signup" precedence="dd-signup" nonce={nonce} dangerouslySetInnerHTML={{ __html: signupFormStyles }} />
  );
}
