import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { readMock, uniqueEmail } from './mock-api.js';
import { DEMO_PORT } from './playwright.config.js';
import { proofOverHttp } from '../test/support/solve-proof.js';

// Issue 20, row 2: with the default settings (the demo sets no allowedOrigins), a page on another
// site posts the form from a visitor's browser. 127.0.0.1 and localhost are different sites to
// the browser: the stranger's page is served from http://127.0.0.1 (a server of its own, on a
// free port), the proxy is the demo's at http://localhost. Before: 303 back to that page, the
// visitor signed up. Now: nobody.

const PROXY = `http://localhost:${DEMO_PORT}/api/signup`;
const OWN = `http://localhost:${DEMO_PORT}/prize/claim.html`; // the same page on the proxy's own origin: the control
let ELSEWHERE = '';
let stranger: Server;
const pages = new Map<string, string>();
test.beforeAll(async () => {
  stranger = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(pages.get(request.url ?? '') ?? '<!doctype html><title>Nothing</title>');
  });
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
  ELSEWHERE = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}/prize/claim.html`;
});
test.afterAll(() => new Promise<void>((resolve) => stranger.close(() => resolve())));

interface Consent {
  text: string;
  version: string;
}

/** A page with a plain form posting a signup for `email` to the proxy, as a stranger would write it. */
function prizePage(email: string, consent: Consent, pageUrl: string): string {
  const hidden = { email, 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': pageUrl, preferences: '2' };
  const inputs = Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`).join('');
  return `<!doctype html><html lang="en"><head><title>Win a prize</title></head><body><main><h1>Win a prize</h1>
    <form method="post" action="${PROXY}">${inputs}<button type="submit">Claim your prize</button></form></main></body></html>`;
}

/**
 * Serves the prize page at `url`: on the stranger's server, or (on the proxy's origin, where no such
 * page exists) fulfilled by the browser's router. A page fulfilled that way cannot fetch across
 * origins in Chromium, so the stranger's page needs its real server.
 */
async function servePrizePage(page: Page, url: string, email: string, consent: Consent): Promise<void> {
  const body = prizePage(email, consent, url);
  if (url.startsWith(PROXY.slice(0, PROXY.indexOf('/api')))) await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  else pages.set(new URL(url).pathname, body);
}

const signedUp = async (email: string) => (await readMock(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).status === 200;

test.describe('a page on another site posting the form (no allowedOrigins set)', () => {
  let consent: Consent;
  test.beforeAll(async ({ request }) => {
    consent = ((await (await request.get(PROXY)).json()) as { consent: Consent }).consent;
  });

  test('the browser\'s own form submit is refused with 403, no redirect back, and nobody is signed up', async ({ page }, testInfo) => {
    const victim = uniqueEmail('xsite-form');
    await servePrizePage(page, ELSEWHERE, victim, consent);
    await page.goto(ELSEWHERE);
    const answer = page.waitForResponse((response) => response.url() === PROXY && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Claim your prize' }).click();
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(response.headers().location).toBeUndefined();
    expect(await response.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    await expect(page).toHaveURL(PROXY); // the JSON refusal, not the prize page with an outcome
    await page.screenshot({ path: testInfo.outputPath('cross-site-form-refused.png') });
    expect(await signedUp(victim)).toBe(false);
  });

  /** Posts from the page at `pageUrl` with fetch: form-encoded (`no-cors`, no preflight) and JSON (preflighted). */
  // Each post carries a solved proof of work (bot defense is on in the demo), so only the origin decides.
  const fetchFrom = async (page: Page, pageUrl: string, encoded: string, json: string) => {
    const proofs = await Promise.all([proofOverHttp(PROXY), proofOverHttp(PROXY)]);
    return page.evaluate(
      async ({ proxy, encoded, json, consent, pageUrl, proofs }) => {
        const body = new URLSearchParams({ email: encoded, 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': pageUrl, proof: proofs[0]! });
        const simple = await fetch(proxy, { method: 'POST', mode: 'no-cors', body }).then((r) => r.type, () => 'failed');
        const signup = { email: json, consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl }, proof: proofs[1]! };
        const preflighted = await fetch(proxy, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signup) }).then((r) => `read ${r.status}`, () => 'blocked');
        return { simple, preflighted };
      },
      { proxy: PROXY, encoded, json, consent, pageUrl, proofs },
    );
  };

  test('fetch from that page, form-encoded (no preflight) or JSON (preflighted), signs nobody up', async ({ page }) => {
    const [encoded, json] = [uniqueEmail('xsite-fetch'), uniqueEmail('xsite-json')];
    await servePrizePage(page, ELSEWHERE, encoded, consent);
    await page.goto(ELSEWHERE);
    const sent: Array<Promise<number | undefined>> = [];
    page.on('request', (request) => {
      if (request.url() === PROXY && request.method() === 'POST') sent.push(request.response().then((response) => response?.status()));
    });
    // The form-encoded POST reaches the proxy and is refused (the page cannot read the answer); the
    // JSON one never gets past its preflight.
    expect(await fetchFrom(page, ELSEWHERE, encoded, json)).toEqual({ simple: 'opaque', preflighted: 'blocked' });
    expect(await Promise.all(sent)).toEqual([403]);
    expect([await signedUp(encoded), await signedUp(json)]).toEqual([false, false]);
  });

  test('the same fetches from the proxy\'s own origin sign up (so the one above could have failed)', async ({ page }) => {
    const [encoded, json] = [uniqueEmail('own-fetch'), uniqueEmail('own-json')];
    await servePrizePage(page, OWN, encoded, consent);
    await page.goto(OWN);
    expect(await fetchFrom(page, OWN, encoded, json)).toEqual({ simple: 'basic', preflighted: 'read 201' }); // same origin: no CORS, answers readable
    expect([await signedUp(encoded), await signedUp(json)]).toEqual([true, true]);
  });

  test('the same page on the proxy\'s own origin signs up (so the two above could have failed)', async ({ page }) => {
    const visitor = uniqueEmail('own-origin-form');
    await servePrizePage(page, OWN, visitor, consent);
    await page.goto(OWN);
    await page.getByRole('button', { name: 'Claim your prize' }).click();
    await expect(page).toHaveURL(new RegExp(`^${OWN.replace(/\./g, '\\.')}\\?dotdigital-signup=subscribed`));
    expect(await signedUp(visitor)).toBe(true);
  });
});
