// `/ssr.html`: the React page as a server renders it, the whole form in the first HTML (the way
// README's Next.js page does it), then hydrated by /assets/ssr-demo.js without loading the definition.
// It works before its script (or with none): posted by the browser, the proxy sends it back here
// with the outcome in the URL, which this page renders.
import { renderToString } from 'react-dom/server';
import { readSignupOutcome } from '../core/read-signup-outcome.js';
import { SignupForm } from '../index.js';
import type { SignupHandler } from '../server/index.js';
import { SSR_DEFINITION_ID, SSR_FORM_ID } from './ssr-page-ids.js';


/**
 * JSON for a `<script type="application/json">`: "<" escaped, so no text in it can close the element.
 *
 * @example
 * `<script type="application/json" id="props">${scriptJson(definition ?? null)}</script>`
 */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The `/ssr.html` page: the handler's definition (no HTTP round trip), the form rendered with it
 * and with the outcome the request's URL carries (after a post without JavaScript), and the
 * definition again as JSON for hydration. Without a definition (Dotdigital down and nothing
 * cached) it renders the placeholder, and the browser loads the form as usual.
 *
 * @example
 * app.get('/ssr.html', async (c) => c.html(await renderSsrPage(handler, c.req.url)));
 */
export async function renderSsrPage(signup: SignupHandler, requestUrl: string): Promise<string> {
  const definition = await signup.formDefinition().catch(() => undefined);
  const form = renderToString(<SignupForm id={SSR_FORM_ID} endpoint="/api/signup" definition={definition} outcome={readSignupOutcome(requestUrl)} />);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Northwind Outdoor — newsletter (server-rendered React)</title>
  <link rel="stylesheet" href="/site.css">
  <script type="module" src="/assets/ssr-demo.js"></script>
</head>
<body>
  <header class="site-header"><a href="/" class="brand">Northwind Outdoor</a> <nav><a href="/">Script-tag version</a> <a href="/react.html">React in the browser</a></nav></header>
  <main>
    <h1>Get the Northwind newsletter</h1>
    <p>This page renders <code>&lt;SignupForm endpoint="/api/signup" definition={…} outcome={…} /&gt;</code> on the server, with the definition from <code>handler.formDefinition()</code>: it works before its script has loaded, or without JavaScript.</p>
    <div id="signup" class="signup-slot" data-signup-ssr>${form}</div>
    <script type="application/json" id="${SSR_DEFINITION_ID}">${definition ? scriptJson(definition) : 'null'}</script>
  </main>
  <footer class="site-footer">Demo site. Contacts go to the local mock Dotdigital unless real credentials are set.</footer>
</body>
</html>
`;
}
