// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Core from '../../src/core/index.js';
import { installFakeVendors, startFakeSiteverify, type VendorKind } from '../support/fake-vendors.js';
import { ENDPOINT, proxyWithMock, SITE } from '../support/proxy-fixture.js';

// Issue 21, item 2, the browser's side: when the proxy's definition names a vendor's check, the
// submitting chunk loads the vendor's script (once, only then), gets a fresh token at each submit
// and sends it as `proof`; the real proxy asks a loopback siteverify, which takes each token once.
// The vendors' scripts are fakes a MutationObserver "loads" (test/support/fake-vendors.ts).

const SRC: Record<VendorKind, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off',
  recaptcha: 'https://www.google.com/recaptcha/api.js?render=recaptcha-site-key',
};
let siteverify: Awaited<ReturnType<typeof startFakeSiteverify>>;
let fakes: ReturnType<typeof installFakeVendors>;
let core: typeof Core;
const errors: string[] = [];

beforeAll(async () => (siteverify = await startFakeSiteverify(new URL(SITE).hostname)));
afterAll(() => siteverify.close());
beforeEach(async () => {
  siteverify.valid.clear();
  siteverify.refuse.clear();
  fakes = installFakeVendors(siteverify.valid);
  errors.length = 0;
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(String(line)));
  vi.resetModules(); // each test a fresh page: the scripts loaded once per page are loaded again
  core = await import('../../src/core/index.js');
});
afterEach(() => {
  vi.useRealTimers();
  fakes.stop();
});

/** The client against the real proxy (in-process) checking `kind`, on `SITE`; every POST's proof kept. */
function page(kind: VendorKind | 'proof-of-work' | 'off' = 'turnstile') {
  const humanCheck = kind === 'off' || kind === 'proof-of-work' ? kind : { kind, siteKey: `${kind}-site-key`, secret: 's3cret', verifyUrl: siteverify.url };
  const proxy = proxyWithMock({ humanCheck: humanCheck as never, allowedOrigins: [SITE] });
  const posts: Array<string | undefined> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), ENDPOINT), { ...init, headers: { ...(init?.headers as Record<string, string>), origin: SITE } });
    if (request.method === 'POST') posts.push((JSON.parse(await request.clone().text()) as { proof?: string }).proof);
    return proxy.handler(request);
  }) as typeof globalThis.fetch;
  const client = core.createSignupClient({ endpoint: ENDPOINT, fetch });
  let n = 0;
  const signUp = async () => {
    const definition = await client.loadDefinition();
    return client.submit({ email: `ann${++n}@example.com`, preferences: [2], consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } });
  };
  return { proxy, client, posts, signUp };
}
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Core.SignupError);

describe('a vendor named by the definition', () => {
  it('no vendor, no script: the proof of work and a check turned off load nothing from a third party', async () => {
    for (const kind of ['off', 'proof-of-work'] as const) {
      const { signUp } = page(kind);
      await signUp().catch(() => undefined);
    }
    expect(fakes.scripts()).toEqual([]);
  });

  it.each(['turnstile', 'hcaptcha', 'recaptcha'] as const)('%s: its script loads once, async, when the form is shown; each submit sends a fresh token as proof', async (kind) => {
    const first = page(kind);
    await first.client.loadDefinition(); // the form is shown
    await vi.waitFor(() => expect(fakes.scripts()).toEqual([{ src: SRC[kind], async: true }]));
    expect(fakes.calls).toEqual([]); // no token is made ahead: tokens are single-use and short-lived
    const second = page(kind); // a second form on the same page
    expect(await first.signUp()).toBe('subscribed');
    expect(await first.signUp()).toBe('subscribed');
    expect(await second.signUp()).toBe('subscribed');
    expect(fakes.scripts()).toHaveLength(1);
    const proofs = [...first.posts, ...second.posts];
    expect(new Set(proofs).size).toBe(3);
    expect(siteverify.asked.slice(-3)).toEqual(proofs); // the proxy asked the vendor about each, and took each
    expect(first.proxy.contactWrites() + second.proxy.contactWrites()).toBe(3);
  });

  it('turnstile: rendered once per form, explicitly, shown only if Cloudflare needs the visitor; reset for each next token', async () => {
    const { signUp } = page('turnstile');
    await signUp();
    await signUp();
    expect(fakes.calls.map(([name, arg]) => [name, name === 'render' ? Object.keys(arg as object).sort() : arg])).toEqual([
      ['render', ['action', 'appearance', 'before-interactive-callback', 'callback', 'error-callback', 'execution', 'sitekey', 'timeout-callback']],
      ['execute', 'widget-1'],
      ['reset', 'widget-1'],
      ['execute', 'widget-1'],
    ]);
    expect(fakes.calls[0]![1]).toMatchObject({ sitekey: 'turnstile-site-key', action: 'signup', appearance: 'interaction-only', execution: 'execute' });
    // Its box sits fixed in the corner, where an interactive challenge can be seen.
    const box = document.body.lastElementChild as HTMLElement;
    expect(box.style.position).toBe('fixed');
  });

  it('turnstile: the challenge shows in the page\'s own #dotdigital-signup-human-check when there is one', async () => {
    const host = Object.assign(document.createElement('div'), { id: 'dotdigital-signup-human-check' });
    document.body.append(host);
    await page('turnstile').signUp();
    expect(host.children).toHaveLength(1);
    expect((host.firstElementChild as HTMLElement).style.position).toBe('');
  });

  it('hcaptcha: invisible, executed with async, reset for the next token; recaptcha: action signup', async () => {
    await page('hcaptcha').signUp();
    const h = page('hcaptcha');
    await h.signUp();
    await h.signUp();
    expect(fakes.calls.filter(([name]) => name === 'render').map(([, options]) => (options as { size: string }).size)).toEqual(['invisible', 'invisible']);
    expect(fakes.calls.filter(([name]) => name !== 'render')).toEqual([['execute', 'h1', { async: true }], ['execute', 'h2', { async: true }], ['reset', 'h2'], ['execute', 'h2', { async: true }]]);
    await page('recaptcha').signUp();
    expect(fakes.calls.at(-1)).toEqual(['execute', 'recaptcha-site-key', { action: 'signup' }]);
  });
});

describe('refusals and failures', () => {
  it('a refused token: one fresh token and one retry, by itself; a second refusal is shown', async () => {
    const { signUp, posts, proxy } = page('turnstile');
    siteverify.refuse.add('ts1');
    expect(await signUp()).toBe('subscribed');
    expect(posts).toEqual(['ts1', 'ts2']);
    for (const token of ['ts3', 'ts4']) siteverify.refuse.add(token);
    const error = await failure(signUp());
    expect(error).toBeInstanceOf(core.SignupError);
    expect(error?.code).toBe('human_check_failed');
    expect(posts).toEqual(['ts1', 'ts2', 'ts3', 'ts4']); // exactly two tries
    expect(proxy.contactWrites()).toBe(1);
  });

  it('a script that does not load: the signup goes without a token, the proxy refuses it (the form\'s own error), the console says why; the next submit loads it again', async () => {
    fakes.network.set(SRC.turnstile, 'fail');
    const { signUp, posts, proxy } = page('turnstile');
    const error = await failure(signUp());
    expect(error).toBeInstanceOf(core.SignupError);
    expect(error?.code).toBe('human_check_failed');
    expect(posts).toEqual([undefined]); // one POST: asking a script that failed again would only fail again
    expect(errors.join('\n')).toMatch(/turnstile check gave no token \(.*did not load.*Content-Security-Policy/);
    expect(proxy.contactWrites()).toBe(0);
    fakes.network.set(SRC.turnstile, 'ok');
    expect(await signUp()).toBe('subscribed');
    expect(fakes.scripts()).toHaveLength(1); // the failed tag removed, a fresh one added
  });

  it.each(['turnstile', 'hcaptcha'] as const)('%s: a vendor error is a refusal, not a crash', async (kind) => {
    fakes.state.behaviour = 'error';
    const { signUp, posts } = page(kind);
    expect((await failure(signUp()))?.code).toBe('human_check_failed');
    expect(posts).toEqual([undefined]);
    expect(errors.join('\n')).toMatch(new RegExp(`${kind} check gave no token \\(${kind === 'turnstile' ? 'Turnstile' : 'hCaptcha'} error`));
  });

  it('a vendor that never answers: 30 s, then the refusal; a challenge shown to the visitor gives them 5 minutes', async () => {
    const { signUp, posts } = page('turnstile');
    await signUp(); // loaded, rendered
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fakes.state.behaviour = 'silent';
    const silent = failure(signUp());
    await vi.advanceTimersByTimeAsync(29_000);
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await silent)?.code).toBe('human_check_failed');
    expect(errors.join('\n')).toMatch(/no token within 30 s/);

    fakes.state.behaviour = 'challenge';
    const challenged = signUp();
    await vi.advanceTimersByTimeAsync(200_000); // past 30 s: the visitor is answering the challenge
    expect(posts).toHaveLength(2);
    fakes.answer();
    await vi.advanceTimersByTimeAsync(10);
    vi.useRealTimers();
    expect(await challenged).toBe('subscribed');
    expect(posts.at(-1)).toMatch(/^ts\d+$/);
  });

  it('a script that never loads is bounded too', async () => {
    fakes.network.set(SRC.recaptcha, 'hang');
    const { signUp, client } = page('recaptcha');
    await client.loadDefinition();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hung = failure(signUp());
    await vi.advanceTimersByTimeAsync(30_000);
    vi.useRealTimers();
    expect((await hung)?.code).toBe('human_check_failed');
  });
});

describe("README's Bot defense", () => {
  it('names the scripts the widget loads, the challenge box\'s id and the waits, as the code has them', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('### Bot defense'), readme.indexOf('## Troubleshooting'));
    const { VENDOR_WIDGETS, CHALLENGE_HOST_ID } = await import('../../src/core/vendor-widgets.js');
    const { VENDOR_WAIT_MS, VENDOR_CHALLENGE_MS } = await import('../../src/core/vendor-token.js');
    for (const { src } of Object.values(VENDOR_WIDGETS)) expect(section).toContain(`\`${src('KEY').replace('KEY', '<siteKey>')}\``);
    expect(section).toContain(`<div id="${CHALLENGE_HOST_ID}"></div>`);
    expect(section).toContain(`no answer within ${VENDOR_WAIT_MS / 1000} s (${VENDOR_CHALLENGE_MS / 60_000} minutes once it shows the visitor a`);
  });
});
