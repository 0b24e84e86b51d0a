// A user's Express app: README's Express layout with body parsers first (./express-app.ts is
// test/server/adapters/express-app.ts, imports mapped to the package), and a page that renders
// the whole form on the server from the handler's definition (README, "The form definition
// without HTTP") and the outcome of a post without JavaScript, hydrated by ./client.tsx.
// Built with tsc, run with node.
import express from 'express';
import { renderToString } from 'react-dom/server';
import { SignupForm } from 'dotdigital-signup';
import { readSignupOutcome } from 'dotdigital-signup/core';
import { createSignupHandler } from 'dotdigital-signup/server';
import { createAppWithParsersFirst } from './express-app.js';

const handler = createSignupHandler({
  apiUser: process.env.DOTDIGITAL_API_USER!,
  apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
  ...(process.env.DOTDIGITAL_API_URL ? { apiUrl: process.env.DOTDIGITAL_API_URL } : {}),
  consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
  allowedOrigins: ['https://www.example.com'],
});

const app = createAppWithParsersFirst(handler);
app.use('/assets', express.static('dist/client/assets'));
app.get('/newsletter', async (request, response) => {
  const definition = await handler.formDefinition().catch(() => undefined);
  // Posted without JavaScript, the form comes back here with the outcome in the URL.
  const outcome = readSignupOutcome(new URL(request.originalUrl, 'http://localhost'));
  const form = renderToString(<SignupForm id="newsletter" endpoint="/api/signup" definition={definition} outcome={outcome} />);
  // The browser hydrates with the same definition: `<` escaped so the JSON cannot close the script.
  const data = JSON.stringify(definition ?? null).replace(/</g, '\\u003c');
  response.type('html').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Newsletter</title><script type="module" src="/assets/client.js"></script></head>
<body><main id="signup">${form}</main><script type="application/json" id="signup-definition">${data}</script></body>
</html>`);
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
