// The same app with the server-rendered signup form (ServerSignupForm) from the npm package.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServerSignupForm } from 'dotdigital-signup';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Newsletter</h1>
    <ServerSignupForm endpoint="/api/signup" />
  </StrictMode>,
);
