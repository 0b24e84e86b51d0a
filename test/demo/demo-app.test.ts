import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/create-demo-app.js';
import { createSignupHandler } from '../../src/server/index.js';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';

// The demo serves its pages gzipped, as production hosts do, so the page-load bench's slow-4G
// figures measure the gzip bytes DESIGN.md budgets; the proxy's own answers are left as they are.
describe('the demo app', () => {
  const mock = createMockDotdigital();
  const handler = createSignupHandler({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'https://mock.example', fetch: mock.fetch, consentText: 'Yes please.', logger: false });
  const app = createDemoApp(handler);

  it('gzips pages for a browser that accepts it, and serves them plain to one that does not', async () => {
    const zipped = await app.request('/baseline.html', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const html = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString();
    expect(html).toContain('<form class="baseline-form"');
    const plain = await app.request('/baseline.html');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
  });

  it('leaves the signup proxy\'s answers to the proxy', async () => {
    const answer = await app.request('/api/signup', { headers: { 'accept-encoding': 'gzip' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBeNull();
    expect(((await answer.json()) as { preferences: unknown[] }).preferences.length).toBeGreaterThan(0);
  });
});
