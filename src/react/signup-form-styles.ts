/**
 * The default look, scoped to `.dd-signup`. Every colour, radius, font and spacing is a
 * CSS custom property so a site can theme the form without overriding rules.
 */
export const signupFormStyles = `
.dd-signup{--dd-font:system-ui,sans-serif;--dd-text:#0b0c0c;--dd-muted:#505a5f;--dd-bg:#fff;--dd-border:#0b0c0c;--dd-accent:#1d70b8;--dd-accent-text:#fff;--dd-error:#d4351c;--dd-success:#00703c;--dd-focus:#fd0;--dd-radius:4px;--dd-space:1rem;
font-family:var(--dd-font);color:var(--dd-text);background:var(--dd-bg);max-width:32rem;line-height:1.4}
.dd-signup *{box-sizing:border-box}
.dd-signup__field{margin:0 0 var(--dd-space)}
.dd-signup__label,.dd-signup__legend{display:block;font-weight:700;margin:0 0 .25rem}
.dd-signup__input{font:inherit;width:100%;min-height:2.5rem;padding:.4rem .5rem;border:2px solid var(--dd-border);border-radius:var(--dd-radius);background:var(--dd-bg);color:var(--dd-text)}
.dd-signup__fieldset{border:0;padding:0;margin:0 0 var(--dd-space)}
.dd-signup__checkbox{display:flex;gap:.5rem;align-items:center;min-height:2rem}
.dd-signup__checkbox input{width:1.5rem;height:1.5rem;margin:0;accent-color:var(--dd-accent)}
.dd-signup__consent{color:var(--dd-muted);margin:0 0 var(--dd-space)}
.dd-signup__button{font:inherit;font-weight:700;min-height:2.75rem;padding:.5rem 1.25rem;border:0;border-radius:var(--dd-radius);background:var(--dd-accent);color:var(--dd-accent-text);cursor:pointer}
.dd-signup__button[aria-disabled=true]{opacity:.7;cursor:progress}
.dd-signup :focus-visible{outline:3px solid var(--dd-focus);outline-offset:0;box-shadow:0 0 0 5px var(--dd-text)}
.dd-signup__error{color:var(--dd-error);font-weight:700;margin:0 0 .25rem}
.dd-signup__status{padding:var(--dd-space);border-left:5px solid var(--dd-success);margin:0 0 var(--dd-space)}
.dd-signup__status--error{border-color:var(--dd-error)}
.dd-signup__honeypot{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}
.dd-signup__placeholder{min-height:16rem;color:var(--dd-muted)}
`;
