// A user's Vite + React 19 app on shadcn/ui: README's shadcn example (the demo's
// src/demo/headless/newsletter-signup.tsx, copied in beside this file; shadcn's generated files in src/) and a
// form that shows react-hook-form's formState.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NewsletterSignup } from './newsletter-signup'; // copied in by packed-tarball.test.ts
import { FormStateSignup } from './form-state-signup';

createRoot(document.getElementById('signup')!).render(<StrictMode><NewsletterSignup /></StrictMode>);
createRoot(document.getElementById('form-state')!).render(<StrictMode><FormStateSignup /></StrictMode>);
