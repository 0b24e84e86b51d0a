// The public theming tokens (README, "Theming") are read once, on `.dd-signup`, into private
// `--_*` properties with their defaults. The tokens are never declared by this sheet, so a
// site can set them on any ancestor — the page, a wrapper, or the <dotdigital-signup> host,
// whose custom properties inherit into its shadow root.
const tokens = `
--_font:var(--dd-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);--_size:var(--dd-font-size,1rem);
--_text:var(--dd-text,#1b1f24);--_muted:var(--dd-muted,#555f6b);--_surface:var(--dd-surface,#fff);--_surface-border:var(--dd-surface-border,#dde1e6);
--_input-bg:var(--dd-input-bg,#fff);--_border:var(--dd-border,#6b7480);--_accent:var(--dd-accent,#0b5fcc);--_accent-text:var(--dd-accent-text,#fff);
--_error:var(--dd-error,#c42b1c);--_success:var(--dd-success,#127a3e);--_focus:var(--dd-focus,var(--_accent));
--_radius:var(--dd-radius,8px);--_space:var(--dd-space,1.25em);--_padding:var(--dd-padding,clamp(1.125em,5vw,1.75em));--_bone:color-mix(in srgb,var(--_text) 10%,transparent)`;

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
export const signupFormStyles = `
.dd-signup{${tokens};box-sizing:border-box;position:relative;max-width:var(--dd-max-width,34em);padding:var(--_padding);
font-family:var(--_font);font-size:var(--_size);line-height:1.5;color:var(--_text);text-align:start;color-scheme:var(--dd-color-scheme,light);
background:var(--_surface);border:1px solid var(--_surface-border);border-radius:calc(var(--_radius) * 1.5);overflow-wrap:break-word}
.dd-signup *,.dd-signup *::before,.dd-signup *::after{box-sizing:border-box}
.dd-signup .dd-signup__panel-text,.dd-signup .dd-signup__error,.dd-signup .dd-signup__summary-list{overflow-wrap:anywhere}
.dd-signup p{margin:0}
.dd-signup__form{margin:0}
.dd-signup .dd-signup__field{display:block;margin:0 0 var(--_space)}
.dd-signup .dd-signup__label,.dd-signup .dd-signup__legend{display:block;float:none;padding:0;margin:0 0 .375em;font-weight:600;color:var(--_text)}
.dd-signup .dd-signup__hint{color:var(--_muted);font-size:.9375em;margin:-.125em 0 .625em}
.dd-signup .dd-signup__input{display:block;width:100%;height:3em;margin:0;padding:.625em .75em;font:inherit;font-size:max(16px,1em);line-height:1.5;
color:var(--_text);background:var(--_input-bg);border:2px solid var(--_border);border-radius:var(--_radius);box-shadow:none;transition:border-color .15s}
.dd-signup .dd-signup__input:hover{border-color:var(--_text)}
.dd-signup .dd-signup__fieldset{display:block;min-width:0;border:0;padding:0;margin:0 0 var(--_space)}
.dd-signup .dd-signup__choices{display:grid;gap:.25em}
.dd-signup .dd-signup__fieldset--category{margin:0 0 .5em}
.dd-signup .dd-signup__legend--category{font-size:.8125em;letter-spacing:.04em;text-transform:uppercase;color:var(--_muted);margin:.25em 0 .25em}
.dd-signup .dd-signup__checkbox{display:flex;align-items:flex-start;gap:.75em;padding:.25em 0}
.dd-signup .dd-signup__checkbox-input{-webkit-appearance:none;appearance:none;display:grid;place-content:center;flex:none;width:max(24px,1.5em);height:max(24px,1.5em);
margin:0;border:2px solid var(--_border);border-radius:calc(var(--_radius) * .6);background:var(--_input-bg);cursor:pointer;transition:background-color .12s,border-color .12s}
.dd-signup .dd-signup__checkbox-input::before{content:"";width:.8em;height:.8em;background:var(--_accent-text);transform:scale(0);transition:transform .12s;
clip-path:polygon(14% 44%,0 65%,50% 100%,100% 16%,80% 0,43% 62%)}
.dd-signup .dd-signup__checkbox-input:hover{border-color:var(--_text)}
.dd-signup .dd-signup__checkbox-input:checked{background:var(--_accent);border-color:var(--_accent)}
.dd-signup .dd-signup__checkbox-input:checked::before{transform:scale(1)}
.dd-signup .dd-signup__checkbox-label{cursor:pointer;padding:0;margin:0;font-weight:400}
.dd-signup .dd-signup__consent{display:block;margin:0 0 var(--_space);color:var(--_muted);font-size:.9375em}
.dd-signup .dd-signup__consent--updated{padding:.75em 1em;border-left:4px solid var(--_accent);border-radius:0 var(--_radius) var(--_radius) 0;
background:color-mix(in srgb,var(--_accent) 8%,transparent);color:var(--_text)}
.dd-signup .dd-signup__badge{display:inline-block;margin:0 0 .375em;padding:.0625em .625em;border:1px solid transparent;border-radius:999px;
font-size:.75em;font-weight:700;letter-spacing:.04em;text-transform:uppercase;background:var(--_accent);color:var(--_accent-text)}
.dd-signup .dd-signup__button{display:inline-flex;align-items:center;justify-content:center;gap:.5em;width:100%;min-height:2.75em;margin:0;
padding:.625em 1.5em;font:inherit;font-weight:600;line-height:1.5;text-align:center;color:var(--_accent-text);background:var(--_accent);
border:2px solid transparent;border-radius:var(--_radius);cursor:pointer;transition:background-color .15s,transform .1s}
.dd-signup .dd-signup__button:hover{background:color-mix(in srgb,var(--_accent) 85%,var(--_text))}
.dd-signup .dd-signup__button:active{transform:translateY(1px)}
.dd-signup .dd-signup__button[aria-disabled=true]{cursor:progress;opacity:.85;transform:none}
.dd-signup .dd-signup__button--secondary{width:auto;color:var(--_accent);background:transparent;border-color:currentColor}
.dd-signup .dd-signup__button--secondary:hover{background:color-mix(in srgb,var(--_accent) 10%,transparent)}
.dd-signup .dd-signup__spinner{width:1em;height:1em;border:.15em solid currentColor;border-right-color:transparent;border-radius:50%;animation:dd-signup-spin .8s linear infinite}
.dd-signup :focus-visible,.dd-signup .dd-signup__input:focus{outline:3px solid var(--_focus);outline-offset:2px}
.dd-signup [tabindex="-1"]:focus:not(:focus-visible){outline:none}
.dd-signup .dd-signup__field--error{border-left:4px solid var(--_error);padding-left:1em}
.dd-signup .dd-signup__field--error .dd-signup__input{border-color:var(--_error)}
.dd-signup .dd-signup__error{margin:0 0 .375em;font-size:.9375em;font-weight:600;color:var(--_error)}
.dd-signup .dd-signup__summary{margin:0 0 var(--_space);padding:1em 1.25em;border:3px solid var(--_error);border-radius:var(--_radius)}
.dd-signup .dd-signup__summary-title{margin:0 0 .5em;font-size:1.125em;font-weight:700}
.dd-signup .dd-signup__summary-list{margin:0;padding:0;list-style:none;display:grid;gap:.375em}
.dd-signup .dd-signup__summary-list a{color:var(--_error);font-weight:600;text-decoration:underline;text-underline-offset:.15em}
.dd-signup .dd-signup__summary .dd-signup__button{margin-top:.875em}
.dd-signup .dd-signup__notice{display:grid;justify-items:start;gap:.875em;padding:1em 1.25em;border-left:4px solid var(--_error);
border-radius:0 var(--_radius) var(--_radius) 0;background:color-mix(in srgb,var(--_error) 8%,transparent)}
.dd-signup .dd-signup__panel{display:grid;grid-template-columns:auto 1fr;column-gap:1em;row-gap:.25em;padding:1.25em;border-radius:var(--_radius);
border:1px solid color-mix(in srgb,var(--_success) 40%,transparent);background:color-mix(in srgb,var(--_success) 10%,transparent)}
.dd-signup .dd-signup__panel--pending{border-color:color-mix(in srgb,var(--_accent) 40%,transparent);background:color-mix(in srgb,var(--_accent) 9%,transparent)}
.dd-signup .dd-signup__panel-title{grid-column:2;font-size:1.125em;font-weight:700}
.dd-signup .dd-signup__panel-text{grid-column:2}
.dd-signup .dd-signup__panel-icon{grid-row:1/span 2;position:relative;width:2em;height:2em;border-radius:50%;background:var(--_success)}
.dd-signup .dd-signup__panel-icon::after{content:"";position:absolute;left:.72em;top:.42em;width:.55em;height:.95em;border:solid var(--_surface);border-width:0 .18em .18em 0;transform:rotate(45deg)}
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon{background:var(--_accent)}
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon::after{left:.45em;top:.6em;width:1.1em;height:.8em;border-width:.14em;border-radius:.12em;transform:none}
.dd-signup .dd-signup__panel--pending .dd-signup__panel-icon::before{content:"";position:absolute;left:.72em;top:.42em;width:.56em;height:.56em;border:solid var(--_surface);border-width:0 .14em .14em 0;transform:rotate(45deg)}
.dd-signup .dd-signup__placeholder{height:var(--dd-loading-height,auto);overflow:hidden}
.dd-signup .dd-signup__bone::before{content:attr(data-bone)}
.dd-signup .dd-signup__bone{color:transparent;background:var(--_bone);border-radius:.3em;-webkit-box-decoration-break:clone;box-decoration-break:clone;animation:dd-signup-pulse 1.6s ease-in-out infinite}
.dd-signup .dd-signup__bone-box{display:block;background:var(--_bone);border-color:transparent;border-radius:var(--_radius);animation:dd-signup-pulse 1.6s ease-in-out infinite}
.dd-signup .dd-signup__visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;
overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
@keyframes dd-signup-spin{to{transform:rotate(1turn)}}
@keyframes dd-signup-pulse{50%{opacity:.55}}
@media (prefers-reduced-motion:reduce){.dd-signup *,.dd-signup *::before,.dd-signup *::after{animation:none!important;transition:none!important}}
@media (forced-colors:active){
.dd-signup .dd-signup__bone,.dd-signup .dd-signup__bone-box{forced-color-adjust:none;color:transparent;background:GrayText}
.dd-signup .dd-signup__panel-icon{forced-color-adjust:none;background:CanvasText}
.dd-signup .dd-signup__panel-icon::after,.dd-signup .dd-signup__panel-icon::before{border-color:Canvas}
.dd-signup .dd-signup__checkbox-input{forced-color-adjust:none;border-color:CanvasText;background:Canvas}
.dd-signup .dd-signup__checkbox-input:checked{border-color:Highlight;background:Highlight}
.dd-signup .dd-signup__checkbox-input::before{background:HighlightText}
.dd-signup :focus-visible,.dd-signup .dd-signup__input:focus{outline-color:Highlight}}
`;
