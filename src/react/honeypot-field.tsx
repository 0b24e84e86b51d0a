import type { CSSProperties } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

// Inline, not in the stylesheet, so it stays hidden with `unstyled` too. React sets it through
// the CSSOM, which a strict style-src CSP allows.
const offscreen: CSSProperties = { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' };

/**
 * A field people never see and bots fill in: hidden off-screen and from screen readers,
 * out of the tab order, named so no autofill heuristic matches, and flagged for the
 * password managers that ignore `autocomplete=off`. The proxy drops any signup that fills it.
 *
 * @example
 * <HoneypotField id={ids.honeypot} register={form.register} />
 */
export function HoneypotField({ id, register }: { id: string; register: UseFormRegister<SignupFormValues> }) {
  return (
    <div className="dd-signup__honeypot" aria-hidden="true" style={offscreen}>
      <label htmlFor={id}>Leave this field empty</label>
      <input
        id={id}
        type="text"
        tabIndex={-1}
        autoComplete="off"
        data-1p-ignore=""
        data-lpignore="true"
        data-bwignore=""
        data-form-type="other"
        {...register('honeypot')}
      />
    </div>
  );
}
