// The same app with the signup form from the npm package.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm } from 'dotdigital-signup';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Newsletter</h1>
    <SignupForm endpoint="/api/signup" />
  </StrictMode>,
);
