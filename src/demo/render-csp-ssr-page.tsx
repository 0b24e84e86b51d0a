// `/ssr-csp.html`: two server-rendered forms under a nonce-based Content-Security-Policy, no
// 'unsafe-inline'. Both forms are one React render, streamed with the nonce as React 19 asks
// (`{ nonce: { style } }`), so the stylesheet is written once, with the nonce; then
// /assets/ssr-csp-demo.js hydrates them with the same definition.
import { randomBytes } from 'node:crypto';
import { renderToReadableStream } from 'react-dom/server';
import type { SignupHandler } from '../server/index.js';
import { scriptJson } from './render-ssr-page.js';
import { CSP_SSR_ROOT_ID, TwoSignupForms } from './two-signup-forms.js';

/**
 * The page and the policy to send with it: a fresh nonce for each answer.
 *
 * @example
 * const { html, policy } = await renderCspSsrPage(handler);
 */
export async function renderCspSsrPage(signup: SignupHandler): Promise<{ html: string; policy: string }> {
  const nonce = randomBytes(16).toString('base64');
  const definition = await signup.formDefinition().catch(() => undefined);
  const stream = await renderToReadableStream(<TwoSignupForms definition={definition} nonce={nonce} />, { nonce: { style: nonce } });
  const forms = await new Response(stream).text();
  // The browser needs no nonce: React finds the <style> the server wrote and adds none.
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Northwind Outdoor — two forms under a strict CSP (server-rendered React)</title>
  <link rel="stylesheet" href="/site.css">
  <script type="module" src="/assets/ssr-csp-demo.js"></script>
</head>
<body>
  <header class="site-header"><a href="/" class="brand">Northwind Outdoor</a> <nav><a href="/ssr.html">Server-rendered</a></nav></header>
  <main>
    <h1>Two newsletters</h1>
    <p>Served with <code>Content-Security-Policy: ${escapeHtml(policyFor('…'))}</code>: two <code>&lt;SignupForm nonce={nonce}&gt;</code>, one stylesheet.</p>
    <div id="${CSP_SSR_ROOT_ID}" class="signup-slot">${forms}</div>
    <script type="application/json" id="${CSP_SSR_ROOT_ID}-props">${scriptJson(definition ?? null)}</script>
  </main>
</body>
</html>
`;
  return { html, policy: policyFor(nonce) };
}

// No 'unsafe-inline' anywhere: inline styles pass only with the nonce, scripts only from this origin.
function policyFor(nonce: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
