// /ssr.html's bundle: hydrates the form the demo server rendered, with the same definition
// (from the page's JSON) and the same outcome (from the URL, as the server read it), so the
// controller starts where the server's HTML is and never loads the definition.
import { hydrateRoot } from 'react-dom/client';
import { readSignupOutcome } from '../core/read-signup-outcome.js';
import { SignupForm } from '../index.js';
import { SSR_DEFINITION_ID, SSR_FORM_ID } from './ssr-page-ids.js';
import type { FormDefinition } from '../core/form-definition.js';

const root = document.querySelector<HTMLElement>('[data-signup-ssr]');
const json = document.getElementById(SSR_DEFINITION_ID)?.textContent;
const definition = json ? ((JSON.parse(json) as FormDefinition | null) ?? undefined) : undefined;
if (root) hydrateRoot(root, <SignupForm id={SSR_FORM_ID} endpoint="/api/signup" definition={definition} outcome={readSignupOutcome(location.href)} />);
