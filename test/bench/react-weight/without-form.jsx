// A minimal React app: the baseline of "what does <SignupForm> add to an app that has React".
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Newsletter</h1>
  </StrictMode>,
);
