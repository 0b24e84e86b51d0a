// An app that already has react-hook-form and zod (the form stack the package's users named):
// the baseline of "what does <SignupForm> add to an app with react-hook-form and zod".
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Contact } from './rhf-zod-contact.jsx';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Contact</h1>
    <Contact />
  </StrictMode>,
);
