// /ssr.html's bundle: hydrates the form the demo server rendered, with the same definition
// (from the page's JSON) and the same outcome (from the URL, as the server read it), so the
// controller starts where the server's HTML is and never loads the definition.
import { hydrateRoot } from 'react-dom/client';
import { readSignupOutcome } from '../core/signup-outcome.js';
import { ServerSignupForm } from '../index.js';
import type { FormDefinition } from '../core/form-definition.js';

const root = document.querySelector<HTMLElement>('[data-signup-ssr]');
const json = document.getElementById('signup-definition')?.textContent;
const definition = json ? ((JSON.parse(json) as FormDefinition | null) ?? undefined) : undefined;
if (root) hydrateRoot(root, <ServerSignupForm endpoint="/api/signup" definition={definition} outcome={readSignupOutcome(location.href)} />);
