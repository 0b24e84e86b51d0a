// The same react-hook-form + zod app with the server-rendered signup form (ServerSignupForm) from the npm package.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServerSignupForm } from 'dotdigital-signup';
import { Contact } from './rhf-zod-contact.jsx';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Contact</h1>
    <Contact />
    <ServerSignupForm endpoint="/api/signup" />
  </StrictMode>,
);
