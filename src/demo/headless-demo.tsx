// The headless demo page's bundle (/headless.html): useSignupForm() composed with a small
// shadcn/ui-style kit (src/demo/kit), as README's "Headless hook" section shows.
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
