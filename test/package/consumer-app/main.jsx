// A user's Vite + React app, as README's "React component" section tells them to write it.
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm } from 'dotdigital-signup';

document.documentElement.dataset.react = version;
createRoot(document.getElementById('app')).render(
  <StrictMode>
    <SignupForm endpoint="/api/signup" />
  </StrictMode>,
);
