// The public theming tokens (README, "Theming") are read once, on `.dd-signup`, into private
// `--_*` properties with their defaults. The tokens are never declared by this sheet, so a
// site can set them on any ancestor — the page, a wrapper, or the <dotdigital-signup> host,
// whose custom properties inherit into its shadow root.
const tokens = `\
--_font:var(--dd-font,system-ui,sans-serif);--_size:var(--dd-font-size,1rem);\
--_text:var(--dd-text,#1b1f24);--_muted:var(--dd-muted,#555f6b);--_surface:var(--dd-surface,#fff);--_surface-border:var(--dd-surface-border,#dde1e6);\
--_input-bg:var(--dd-input-bg,#fff);--_border:var(--dd-border,#6b7480);--_accent:var(--dd-accent,#0b5fcc);--_accent-text:var(--dd-accent-text,#fff);\
--_error:var(--dd-error,#c42b1c);--_success:var(--dd-success,#127a3e);--_focus:var(--dd-focus,var(--_accent));\
--_radius:var(--dd-radius,8px);--_space:var(--dd-space,1.25em);--_padding:var(--dd-padding,clamp(1.125em,5vw,1.75em));--_bone:color-mix(in srgb,var(--_text) 10%,transparent)`;

// How <SignupForm> renders it: a <style> with `href` and `precedence`, and `nonce` on it.
// - React 19 takes such a <style> as a resource: however many forms render it, the document
//   gets it once, in <head>: in the browser, in a stream (renderToPipeableStream,
//   renderToReadableStream, prerender: what Next.js uses) and in renderToString (at the start of
//   its output). In the browser React puts `nonce` on it. On the server it writes the nonce only
//   when the render is given the same one, `{ nonce: { style: nonce } }`, and drops the rules if
//   the two differ; renderToString takes no nonce, so under a nonce CSP render with a stream.
// - React 18 has no such resources: it renders the <style> inside each form, nonce included. Two
//   forms carry the CSS twice (the second copy adds ~30 B to gzip'd HTML; the browser parses both).
//   One sheet per document on React 18 as well (a constructable sheet on the document's
//   adoptedStyleSheets in the browser, the server's copies swapped for it after hydration) was
//   built and measured: ~160 B gzip more for every user of the React entry, over its size budget.
//   So on React 18 several forms on a page take `unstyled` and adopt this sheet once
//   (README, "Strict CSP and several forms").
// - The script tag renders every form `unstyled`: each shadow root adopts this sheet as a
//   constructable stylesheet (src/embed/shadow-styles.ts), no <style> element, so `style-src 'self'` suffices.
// The sheet is written one rule a line, the lines joined by `\` (not part of the string), and each
// rule's declarations in alphabetical order: gzip finds more repeats (−47 B measured).
// Sides are logical (border-inline-start, border-start-end-radius…), so a form in a right-to-left
// language (dir="rtl" on its root) mirrors; only the tick and the spinner, symbols that do not
// mirror, are placed by left and right.

/**
 * The default look: one stylesheet for every renderer. Scoped to `.dd-signup`, so it works
 * in a page and, adopted as a constructable stylesheet, inside a shadow root. Themed
 * through `--dd-*` custom properties; honours reduced motion and forced colours.
 *
 * @example
 * const sheet = new CSSStyleSheet();
 * sheet.replaceSync(signupFormStyles);
 * shadowRoot.adoptedStyleSheets = [sheet];
 */
export const signupFormStyles = `\
.dd-signup{${tokens};box-sizing:border-box;position:relative;max-width:var(--dd-max-width,34em);padding:var(--_padding);\
font-family:var(--_font);font-size:var(--_size);line-height:1.5;color:var(--_text);text-align:start;color-scheme:var(--dd-color-scheme,light);\
background:var(--_surface);border:1px solid var(--_surface-border);border-radius:calc(var(--_radius)*1.5);overflow-wrap:break-word}\
.dd-signup *,.dd-signup :before,.dd-signup :after{box-sizing:border-box}\
.dd-signup .dd-signup__panel-text,.dd-signup .dd-signup__error,.dd-signup .dd-signup__summary-list{overflow-wrap:anywhere}\
.dd-signup p,.dd-signup__form{margin:0}\
.dd-signup .dd-signup__field{display:block;margin:0 0 var(--_space)}\
.dd-signup .dd-signup__label,.dd-signup .dd-signup__legend{color:var(--_text);display:block;float:none;font-weight:600;margin:0 0 .375em;padding:0}\
.dd-signup .dd-signup__hint{color:var(--_muted);font-size:.9375em;margin:-.125em 0 .625em}\
.dd-signup .dd-signup__input{background:var(--_input-bg);border:2px solid var(--_border);border-radius:var(--_radius);box-shadow:none;color:var(--_text);display:block;\
font:inherit;font-size:max(16px,1em);height:3em;line-height:1.5;margin:0;padding:.625em .75em;transition:border-color .15s;width:100%}\
.dd-signup .dd-signup__input:hover{border-color:var(--_text)}\
.dd-signup .dd-signup__fieldset{border:0;display:block;margin:0 0 var(--_space);min-width:0;padding:0}\
.dd-signup .dd-signup__choices{display:grid;gap:.25em}\
.dd-signup .dd-signup__fieldset--category{margin:0 0 .5em}\
.dd-signup .dd-signup__legend--category{color:var(--_muted);font-size:.8125em;letter-spacing:.04em;margin:.25em 0;text-transform:uppercase}\
.dd-signup .dd-signup__checkbox{align-items:flex-start;display:flex;gap:.75em;padding:.25em 0}\
.dd-signup .dd-signup__checkbox-input{appearance:none;background:var(--_input-bg);border:2px solid var(--_border);border-radius:calc(var(--_radius)*.6);cursor:pointer;\
display:grid;flex:none;height:max(24px,1.5em);margin:0;place-content:center;transition:background-color .12s,border-color .12s;\
width:max(24px,1.5em)}\
.dd-signup .dd-signup__checkbox-input:before{background:var(--_accent-text);clip-path:polygon(14% 44%,0 65%,50% 100%,100% 16%,80% 0,43% 62%);content:"";height:.8em;transform:scale(0);\
transition:transform .12s;width:.8em}\
.dd-signup .dd-signup__checkbox-input:hover{border-color:var(--_text)}\
.dd-signup .dd-signup__checkbox-input:checked{background:var(--_accent);border-color:var(--_accent)}\
.dd-signup .dd-signup__checkbox-input:checked:before{transform:scale(1)}\
.dd-signup .dd-signup__checkbox-label{cursor:pointer;font-weight:400;margin:0;padding:0}\
.dd-signup .dd-signup__consent{color:var(--_muted);display:block;font-size:.9375em;margin:0 0 var(--_space)}\
.dd-signup .dd-signup__consent--updated{background:color-mix(in srgb,var(--_accent) 8%,transparent);border-end-end-radius:var(--_radius);\
border-inline-start:4px solid var(--_accent);border-start-end-radius:var(--_radius);color:var(--_text);padding:.75em 1em}\
.dd-signup .dd-signup__badge{background:var(--_accent);border:1px solid transparent;border-radius:999px;color:var(--_accent-text);display:inline-block;font-size:.75em;\
font-weight:700;letter-spacing:.04em;margin:0 0 .375em;padding:.0625em .625em;text-transform:uppercase}\
.dd-signup .dd-signup__button{align-items:center;background:var(--_accent);border:2px solid transparent;border-radius:var(--_radius);color:var(--_accent-text);\
cursor:pointer;display:inline-flex;font:inherit;font-weight:600;gap:.5em;justify-content:center;line-height:1.5;margin:0;min-height:2.75em;\
padding:.625em 1.5em;text-align:center;transition:background-color .15s,transform .1s;width:100%}\
.dd-signup .dd-signup__button:hover{background:color-mix(in srgb,var(--_accent) 85%,var(--_text))}\
.dd-signup .dd-signup__button:active{transform:translateY(1px)}\
.dd-signup .dd-signup__button[aria-disabled=true]{cursor:progress;opacity:.85;transform:none}\
.dd-signup .dd-signup__button--secondary{background:transparent;border-color:currentColor;color:var(--_accent);width:auto}\
.dd-signup .dd-signup__button--secondary:hover{background:color-mix(in srgb,var(--_accent) 10%,transparent)}\
.dd-signup .dd-signup__spinner{animation:dd-signup-spin .8s linear infinite;border:.15em solid currentColor;border-radius:50%;border-right-color:transparent;height:1em;width:1em}\
.dd-signup :focus-visible,.dd-signup .dd-signup__input:focus{outline:3px solid var(--_focus);outline-offset:2px}\
.dd-signup [tabindex="-1"]:focus:not(:focus-visible){outline:none}\
.dd-signup .dd-signup__field--error{border-inline-start:4px solid var(--_error);padding-inline-start:1em}\
.dd-signup .dd-signup__field--error .dd-signup__input{border-color:var(--_error)}\
.dd-signup .dd-signup__error{color:var(--_error);font-size:.9375em;font-weight:600;margin:0 0 .375em}\
.dd-signup .dd-signup__summary{border:3px solid var(--_error);border-radius:var(--_radius);margin:0 0 var(--_space);padding:1em 1.25em}\
.dd-signup .dd-signup__summary-title{font-size:1.125em;font-weight:700;margin:0 0 .5em}\
.dd-signup .dd-signup__summary-list{display:grid;gap:.375em;list-style:none;margin:0;padding:0}\
.dd-signup .dd-signup__summary-list a{color:var(--_error);font-weight:600;text-decoration:underline;text-underline-offset:.15em}\
.dd-signup .dd-signup__summary .dd-signup__button{margin-top:.875em}\
.dd-signup .dd-signup__notice{background:color-mix(in srgb,var(--_error) 8%,transparent);border-end-end-radius:var(--_radius);\
border-inline-start:4px solid var(--_error);border-start-end-radius:var(--_radius);display:grid;gap:.875em;justify-items:start;padding:1em 1.25em}\
.dd-signup .dd-signup__panel{background:color-mix(in srgb,var(--_success) 10%,transparent);border:1px solid color-mix(in srgb,var(--_success) 40%,transparent);\
border-radius:var(--_radius);column-gap:1em;display:grid;grid-template-columns:auto 1fr;padding:1.25em;row-gap:.25em}\
.dd-signup .dd-signup__panel--pending{background:color-mix(in srgb,var(--_accent) 9%,transparent);border-color:color-mix(in srgb,var(--_accent) 40%,transparent)}\
.dd-signup .dd-signup__panel-title{font-size:1.125em;font-weight:700;grid-column:2}\
.dd-signup .dd-signup__panel-text{grid-column:2}\
.dd-signup .dd-signup__panel-icon{background:var(--_success);border-radius:50%;grid-row:1/span 2;height:2em;position:relative;width:2em}\
.dd-signup .dd-signup__panel-icon:after{border:solid var(--_surface);border-width:0 .18em .18em 0;content:"";height:.95em;left:.72em;position:absolute;top:.42em;transform:rotate(45deg);width:.55em}\
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon{background:var(--_accent)}\
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon:after{border-radius:.12em;border-width:.14em;height:.8em;left:.45em;top:.6em;transform:none;width:1.1em}\
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon:before{border:solid var(--_surface);border-width:0 .14em .14em 0;content:"";height:.56em;left:.72em;position:absolute;top:.42em;transform:rotate(45deg);width:.56em}\
.dd-signup .dd-signup__placeholder{height:var(--dd-loading-height,auto);overflow:hidden}\
.dd-signup .dd-signup__bone:before{content:attr(data-bone)}\
.dd-signup .dd-signup__bone{-webkit-box-decoration-break:clone;animation:dd-signup-pulse 1.6s ease-in-out infinite;background:var(--_bone);border-radius:.3em;box-decoration-break:clone;color:transparent}\
.dd-signup .dd-signup__bone-box{animation:dd-signup-pulse 1.6s ease-in-out infinite;background:var(--_bone);border-color:transparent;border-radius:var(--_radius);display:block}\
.dd-signup .dd-signup__visually-hidden{border:0!important;clip-path:inset(50%)!important;height:1px!important;margin:0!important;overflow:hidden!important;padding:0!important;\
position:absolute!important;white-space:nowrap!important;width:1px!important}\
@keyframes dd-signup-spin{to{transform:rotate(1turn)}}\
@keyframes dd-signup-pulse{50%{opacity:.55}}\
@media (prefers-reduced-motion:reduce){.dd-signup *,.dd-signup :before,.dd-signup :after{animation:none!important;transition:none!important}}\
@media (forced-colors:active){\
.dd-signup .dd-signup__bone,.dd-signup .dd-signup__bone-box{background:GrayText;color:transparent;forced-color-adjust:none}\
.dd-signup .dd-signup__panel-icon{background:CanvasText;forced-color-adjust:none}\
.dd-signup .dd-signup__panel-icon:after,.dd-signup .dd-signup__panel-icon:before{border-color:Canvas}\
.dd-signup .dd-signup__checkbox-input{background:Canvas;border-color:CanvasText;forced-color-adjust:none}\
.dd-signup .dd-signup__checkbox-input:checked{background:Highlight;border-color:Highlight}\
.dd-signup .dd-signup__checkbox-input:before{background:HighlightText}\
.dd-signup :focus-visible,.dd-signup .dd-signup__input:focus{outline-color:Highlight}}\
`;
