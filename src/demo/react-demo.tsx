// The React demo page's bundle: what a React marketing site does with the npm package.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm } from '../index.js';

createRoot(document.getElementById('signup')!).render(
  <StrictMode>
    <SignupForm endpoint="/api/signup" />
  </StrictMode>,
);
