// `npm run bench` section: what the mock Dotdigital costs per call, so the proxy's figures
// (proxy + mock) can be read against the mock alone, and a store of many contacts can be
// seen not to slow a call down.
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { percentile, type BenchSection } from './bench-section.js';

const AUTH = `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}`;
const headers = { authorization: AUTH, 'content-type': 'application/json' };

const signupBody = (email: string) =>
  JSON.stringify({
    contact: { email, optInType: 'Single', emailType: 'Html', dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] },
    consentFields: [{ fields: [{ key: 'TEXT', value: 'Yes please.' }, { key: 'URL', value: 'https://www.example.com/' }] }],
    preferences: [{ id: 1, isPreference: false, preferences: [{ id: 2, isPreference: true, isOptedIn: true }] }],
  });

async function timings(count: number, run: (i: number) => Promise<Response>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await run(i);
    await response.arrayBuffer();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const figure = (sorted: number[]) => `${percentile(sorted, 0.5).toFixed(3)} ms`;
const note = (sorted: number[]) => `p99 ${percentile(sorted, 0.99).toFixed(3)} ms, n=${sorted.length}`;

/** Per-call latency of the mock, in process and over HTTP. */
export async function mockBench(): Promise<BenchSection> {
  const mock = createMockDotdigital();
  const base = 'http://127.0.0.1:4999';
  await timings(500, () => mock.fetch(`${base}/v2/preferences`, { headers })); // warm-up
  const preferences = await timings(5_000, () => mock.fetch(`${base}/v2/preferences`, { headers }));
  const newContacts = await timings(5_000, (i) => mock.fetch(`${base}/v2/contacts/with-consent-and-preferences`, { method: 'POST', headers, body: signupBody(`new${i}@example.com`) }));
  for (let i = 0; i < 5_000; i++) await mock.fetch(`${base}/v2/contacts/with-consent`, { method: 'POST', headers, body: signupBody(`more${i}@example.com`) });
  const updates = await timings(5_000, (i) => mock.fetch(`${base}/v2/contacts/with-consent-and-preferences`, { method: 'POST', headers, body: signupBody(`new${i}@example.com`) }));
  const page = await timings(50, () => mock.fetch(`${base}/`));

  const served = await listenMock();
  try {
    await timings(200, () => fetch(`${served.url}/v2/preferences`, { headers }));
    const overHttp = await timings(2_000, () => fetch(`${served.url}/v2/preferences`, { headers }));
    const writesOverHttp = await timings(2_000, (i) => fetch(`${served.url}/v2/contacts/with-consent-and-preferences`, { method: 'POST', headers, body: signupBody(`http${i}@example.com`) }));
    return {
      title: 'Mock Dotdigital, per call (p50)',
      rows: [
        ['GET /v2/preferences, in process', figure(preferences), note(preferences)],
        ['POST with-consent-and-preferences, new', figure(newContacts), note(newContacts)],
        ['same, update, 10 000 contacts held', figure(updates), note(updates)],
        ['GET / (page, 100 newest contacts)', figure(page), note(page)],
        ['GET /v2/preferences, over HTTP', figure(overHttp), note(overHttp)],
        ['POST with-consent-and-preferences, HTTP', figure(writesOverHttp), note(writesOverHttp)],
      ],
    };
  } finally {
    await served.close();
  }
}
