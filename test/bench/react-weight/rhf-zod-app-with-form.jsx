// The same react-hook-form + zod app with the signup form from the npm package.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm } from 'dotdigital-signup';
import { Contact } from './rhf-zod-contact.jsx';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Contact</h1>
    <Contact />
    <SignupForm endpoint="/api/signup" />
  </StrictMode>,
);
