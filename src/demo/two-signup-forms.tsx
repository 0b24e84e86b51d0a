// The two forms of /ssr-csp.html: rendered by the demo server (render-csp-ssr-page.tsx) and
// hydrated in the browser (ssr-csp-demo.tsx), so both sides render the same tree.
import { SignupForm } from '../index.js';
import type { FormDefinition } from '../core/form-definition.js';

/** The id of the element that holds both forms, and of the JSON the hydrating bundle reads. */
export const CSP_SSR_ROOT_ID = 'signup-forms';

/**
 * The two forms of `/ssr-csp.html`, as the server renders them and the browser hydrates them.
 *
 * @example
 * renderToReadableStream(<TwoSignupForms definition={definition} nonce={nonce} />, { nonce: { style: nonce } });
 */
export function TwoSignupForms({ definition, nonce }: { definition: FormDefinition | undefined; nonce: string | undefined }) {
  return (
    <>
      <section aria-labelledby="weekly">
        <h2 id="weekly">The weekly newsletter</h2>
        <SignupForm endpoint="/api/signup" definition={definition} nonce={nonce} />
      </section>
      <section aria-labelledby="events">
        <h2 id="events">Events near you</h2>
        <SignupForm endpoint="/api/signup" definition={definition} nonce={nonce} className="signup-events" />
      </section>
    </>
  );
}

