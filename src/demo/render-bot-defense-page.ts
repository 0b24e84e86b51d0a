import type { RefusalEntry } from './refusal-log.js';

const REASONS: Record<string, string> = {
  no_solution: 'no proof of work (a script that never loaded the form)',
  bad_solution: 'a forged, expired, reused or another site’s proof',
  address_limit: 'past an address’s daily limit (answered as a success, nothing sent)',
  no_js_budget: 'a form posted without JavaScript, past the hour’s budget',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The demo's operator view of bot defense: the proxy's refusal tally as it logged it (one line a
 * minute at most, counts by reason, never an address or an IP), newest first.
 *
 * @example
 * renderBotDefensePage(refusals.entries());
 */
export function renderBotDefensePage(entries: RefusalEntry[]): string {
  const rows = entries.map(({ at, counts }) => {
    const items = Object.entries(counts).map(([reason, count]) => `<li><strong>${count}</strong> ${escape(reason)}: ${escape(REASONS[reason] ?? '')}</li>`).join('');
    return `<li><time datetime="${at.toISOString()}">${at.toISOString().slice(11, 19)} UTC</time><ul>${items}</ul></li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Bot defense — refused signups</title>
  <link rel="stylesheet" href="/site.css">
</head>
<body>
  <header class="site-header"><a href="/" class="brand">Northwind Outdoor</a> <nav><a href="/">Signup form</a></nav></header>
  <main>
    <h1>Refused signups</h1>
    <p>What the proxy's log says about bot defense (README, “Bot defense”): at most one line a
    minute, written a minute after the first refusal of a spell, with how many signups were refused
    and why. Never an address or an IP. Reload to see new lines.</p>
    ${rows.length ? `<ol class="refusals" reversed>${rows.join('')}</ol>` : '<p class="refusals-none">No signup refused since the demo started. Try: <code>curl -X POST -H "content-type: application/json" -d \'{"email":"a@example.com"}\' http://localhost:3000/api/signup</code></p>'}
  </main>
</body>
</html>
`;
}
