import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoApp } from '../../src/demo/create-demo-app.js';
import { createRefusalLog } from '../../src/demo/refusal-log.js';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { createSignupHandler } from '../../src/server/index.js';

const SITE = 'http://localhost:3000';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

afterEach(() => {
  vi.useRealTimers();
});

// The demo's /bot-defense.html shows the proxy's refusal tally as it logged it: the real engine's
// line, a minute after the first refusal, counts by reason and never an address.
describe('the demo\'s bot defense page', () => {
  it('shows the refusals the proxy counted, by reason, once the minute\'s line is written, and no address', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const mock = createMockDotdigital();
    const refusals = createRefusalLog(quiet);
    const handler = createSignupHandler({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'https://mock.example', fetch: mock.fetch, consentText: 'Yes please.', logger: refusals.logger });
    const app = createDemoApp(handler, { refusals });
    const definition = (await (await app.request('/api/signup')).json()) as { consent: { text: string; version: string } };

    expect(await (await app.request('/bot-defense.html')).text()).toContain('No signup refused since the demo started');
    // Three signups from a script that never loaded the form: valid, but no proof of work.
    for (const email of ['bot1@example.com', 'bot2@example.com', 'bot3@example.com']) {
      const answer = await app.request(`${SITE}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SITE },
        body: JSON.stringify({ email, preferences: [], fields: {}, consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } }),
      });
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('human_check_failed');
    }
    expect(mock.store.contacts.size).toBe(0); // nothing reached Dotdigital
    expect(refusals.entries()).toEqual([]); // the line waits for the minute
    await vi.advanceTimersByTimeAsync(60_000);

    const page = await app.request('/bot-defense.html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toMatch(/<strong>3<\/strong> no_solution/);
    expect(html).not.toContain('@example.com');
    expect(refusals.entries()).toHaveLength(1);
  });
});
