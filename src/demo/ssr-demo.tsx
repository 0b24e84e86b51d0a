// /ssr.html's bundle: hydrates the form the demo server rendered, with the same definition
// (from the page's JSON), so the controller starts ready and never loads it.
import { hydrateRoot } from 'react-dom/client';
import { SignupForm } from '../index.js';
import type { FormDefinition } from '../core/form-definition.js';

const root = document.querySelector<HTMLElement>('[data-signup-ssr]');
const json = document.getElementById('signup-definition')?.textContent;
const definition = json ? ((JSON.parse(json) as FormDefinition | null) ?? undefined) : undefined;
if (root) hydrateRoot(root, <SignupForm endpoint="/api/signup" definition={definition} />);
