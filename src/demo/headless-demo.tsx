// The headless demo page's bundle (/headless.html): useSignupForm() composed with shadcn/ui's
// generated files on Radix (src/demo/components/ui), as README's "Headless hook" section shows.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NewsletterSignup } from './headless/newsletter-signup.js';

const element = document.getElementById('signup');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <NewsletterSignup />
    </StrictMode>,
  );
}
