// /ssr-csp.html's bundle: hydrates the two forms the demo server rendered (one React root, as
// they were one render), with the page's definition, so neither loads the definition.
import { hydrateRoot } from 'react-dom/client';
import type { FormDefinition } from '../core/form-definition.js';
import { CSP_SSR_ROOT_ID, TwoSignupForms } from './two-signup-forms.js';

const root = document.getElementById(CSP_SSR_ROOT_ID);
const definition = JSON.parse(document.getElementById(`${CSP_SSR_ROOT_ID}-props`)?.textContent ?? 'null') as FormDefinition | null;
// No nonce here: React finds the <style> the server wrote (with the nonce) and inserts none.
if (root) hydrateRoot(root, <TwoSignupForms definition={definition ?? undefined} nonce={undefined} />);
