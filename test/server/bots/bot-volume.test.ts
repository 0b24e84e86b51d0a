import { describe, expect, it } from 'vitest';
import { readSignupOutcome, SIGNUP_FORM_FIELDS } from '../../../src/core/index.js';
import type { SignupHandlerOptions } from '../../../src/server/index.js';
import { consentFor, ENDPOINT, errorOf, post, proxyWithMock, SITE } from '../../support/proxy-fixture.js';
import { solveProof } from '../../support/solve-proof.js';

// Issue 21's "done when": a script that never loads the page, 300 valid-looking signups from 300
// client addresses behind one trusted proxy hop, with the default settings (check on, per-IP limit on).
const BOTS = 300;
const PAGE = `${SITE}/newsletter`;
const DEFAULTS: Partial<SignupHandlerOptions> = { humanCheck: undefined, rateLimit: undefined, clientIp: { trustedProxyHops: 1 }, allowedOrigins: [SITE] };
const hop = (n: number) => ({ 'x-forwarded-for': `198.51.${Math.floor(n / 250)}.${n % 250}` });

describe('a bot that never loads the page', () => {
  it(`posting ${BOTS} JSON signups from ${BOTS} addresses gets none through to Dotdigital`, async () => {
    const proxy = proxyWithMock(DEFAULTS);
    const consent = await consentFor(proxy.handler); // a bot can read the definition; it does not solve
    const codes = new Map<string, number>();
    for (let n = 0; n < BOTS; n++) {
      const answer = await proxy.handler(post({ email: `victim${n}@example.com`, preferences: [2], consent }, hop(n)), { clientAddress: '10.0.0.1' });
      const code = answer.ok ? String(answer.status) : (await errorOf(answer)).code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(codes)).toEqual({ human_check_failed: BOTS });
    expect(proxy.writes()).toEqual([]); // the mock's call log: no Dotdigital call but the definition's
    expect(proxy.mock.store.contacts.size).toBe(0);
  });

  it(`posting ${BOTS} HTML form signups (urlencoded) gets no more than the no-JavaScript budget (20 an hour) through`, async () => {
    const proxy = proxyWithMock(DEFAULTS);
    const consent = await consentFor(proxy.handler);
    const outcomes = new Map<string, number>();
    for (let n = 0; n < BOTS; n++) {
      const form = new URLSearchParams({
        [SIGNUP_FORM_FIELDS.email]: `victim${n}@example.com`, [SIGNUP_FORM_FIELDS.consentText]: consent.text,
        [SIGNUP_FORM_FIELDS.consentVersion]: consent.version, [SIGNUP_FORM_FIELDS.pageUrl]: PAGE,
      });
      const answer = await proxy.handler(new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, referer: PAGE, 'sec-fetch-mode': 'navigate', ...hop(n) },
        body: form,
      }), { clientAddress: '10.0.0.1' });
      expect(answer.status).toBe(303);
      const outcome = readSignupOutcome(answer.headers.get('location')!);
      const said = outcome?.status === 'error' ? outcome.code : outcome?.status ?? 'none';
      outcomes.set(said, (outcomes.get(said) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ subscribed: 20, javascript_required: BOTS - 20 });
    expect(proxy.contactWrites()).toBe(20);
  });

  it('the same bot posting urlencoded with fetch (not a page navigation) gets nothing through: only a browser\'s own submit spends the budget', async () => {
    const proxy = proxyWithMock(DEFAULTS);
    const consent = await consentFor(proxy.handler);
    for (let n = 0; n < 30; n++) {
      const form = new URLSearchParams({ email: `victim${n}@example.com`, 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': PAGE });
      const answer = await proxy.handler(new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, ...hop(n) }, body: form }), { clientAddress: '10.0.0.1' });
      expect((await errorOf(answer)).code).toBe('human_check_failed');
    }
    expect(proxy.contactWrites()).toBe(0);
  });

  it('a form post with a solved proof (its script ran) is taken without spending the budget; unverifiedFormPosts: false takes none without one', async () => {
    const proxy = proxyWithMock({ ...DEFAULTS, humanCheck: { kind: 'proof-of-work', cost: 1, maxCounter: 10 }, unverifiedFormPosts: false });
    const consent = await consentFor(proxy.handler);
    const send = (extra: Record<string, string>) => proxy.handler(new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, referer: PAGE, 'sec-fetch-mode': 'navigate' },
      body: new URLSearchParams({ email: 'ann@example.com', 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': PAGE, ...extra }),
    }), { clientAddress: '203.0.113.5' });
    expect(readSignupOutcome((await send({})).headers.get('location')!)).toMatchObject({ status: 'error', code: 'javascript_required' });
    const proof = await solveProof((request) => proxy.handler(request), ENDPOINT);
    expect(readSignupOutcome((await send({ [SIGNUP_FORM_FIELDS.proof]: proof })).headers.get('location')!)).toMatchObject({ status: 'subscribed' });
  });
});
