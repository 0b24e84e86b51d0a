import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// How a page may load the script tag. Each test serves its own small page from the demo's
// origin (page.route), so the proxy at /api/signup is same-origin as on a customer's site.

const SCRIPT = '/embed/dotdigital-signup.js';

async function servePage(page: Page, path: string, body: string): Promise<void> {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title></head><body>${body}</body></html>` }));
}

test('a blocking, a deferred and an async copy of the script on one page: one definition, every form works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await servePage(page, '/loading-twice.html', `
    <script src="${SCRIPT}"></script>
    <dotdigital-signup id="a" endpoint="/api/signup"></dotdigital-signup>
    <script src="${SCRIPT}" defer></script>
    <dotdigital-signup id="b" endpoint="/api/signup"></dotdigital-signup>
    <script src="${SCRIPT}" async></script>`);
  await page.goto('/loading-twice.html');
  for (const id of ['#a', '#b']) await expect(page.locator(id).getByRole('checkbox')).toHaveCount(3);
  expect(await page.evaluate(() => window.DotdigitalSignup?.version)).toMatch(/^\d+\.\d+\.\d+/);
  expect(errors).toEqual([]);
});

test('the queue snippet keeps calls made while the script downloads, and honours an early unmount', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${SCRIPT}`, async (route) => {
    await held;
    await route.fallback();
  });
  await servePage(page, '/queue.html', `
    <script>window.DotdigitalSignup=window.DotdigitalSignup||{q:[],mount:function(e,o){var h={unmount:function(){h.u=1}};this.q.push([e,o,h]);return h}};</script>
    <script src="${SCRIPT}" async></script>
    <div id="kept"></div><div id="dropped"></div>
    <script>
      DotdigitalSignup.mount(document.getElementById('kept'), { endpoint: '/api/signup' });
      DotdigitalSignup.mount(document.getElementById('dropped'), { endpoint: '/api/signup' }).unmount();
    </script>`);
  await page.goto('/queue.html', { waitUntil: 'domcontentloaded' }); // the async script is still held
  expect(await page.evaluate(() => (window.DotdigitalSignup as unknown as { q: unknown[] }).q.length)).toBe(2);
  release();
  await expect(page.locator('#kept').getByLabel('Email address')).toBeVisible();
  await expect(page.locator('#kept').getByRole('checkbox')).toHaveCount(3);
  expect(await page.locator('#dropped').evaluate((element) => element.shadowRoot)).toBeNull();
});

test('an element added later renders; changing `endpoint` re-renders; removing it unmounts', async ({ page }) => {
  await servePage(page, '/dynamic.html', `<script src="${SCRIPT}" defer></script><main></main>`);
  await page.goto('/dynamic.html');
  await page.waitForFunction(() => customElements.get('dotdigital-signup'));
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<dotdigital-signup endpoint="/api/signup"></dotdigital-signup>'));
  const element = page.locator('dotdigital-signup');
  await expect(element.getByRole('checkbox')).toHaveCount(3);

  await element.evaluate((host) => host.setAttribute('endpoint', '/api/no-such-proxy'));
  // A 404 is told apart from a lost connection (issue 14): the address is wrong, not the visitor's network.
  await expect(element.getByRole('status')).toContainText('The signup service could not be found');

  const shadow = await element.evaluateHandle((host) => host.shadowRoot!);
  await element.evaluate((host) => host.remove());
  await expect.poll(() => shadow.evaluate((root) => root.childElementCount)).toBe(0);
});

test('bad input says how to fix it', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
  await servePage(page, '/bad.html', `<script src="${SCRIPT}"></script><dotdigital-signup></dotdigital-signup><div id="x"></div>`);
  await page.goto('/bad.html');
  await expect.poll(() => messages.join('\n')).toContain('the `endpoint` attribute is required');
  const thrown = await page.evaluate(() => {
    const attempts = [
      () => window.DotdigitalSignup!.mount(document.getElementById('x')!, {} as never),
      () => window.DotdigitalSignup!.mount('#x' as never, { endpoint: '/api/signup' }),
      () => window.DotdigitalSignup!.mount(document.createElement('input'), { endpoint: '/api/signup' }),
    ];
    return attempts.map((attempt) => {
      try {
        attempt();
        return 'no error';
      } catch (error) {
        return String(error);
      }
    });
  });
  expect(thrown[0]).toContain('`endpoint` is required');
  expect(thrown[1]).toContain('must be an element');
  expect(thrown[2]).toContain('cannot render inside <input>');
});

test('the source map is served alongside the script', async ({ request }) => {
  const script = await (await request.get(SCRIPT)).text();
  expect(script.trimEnd()).toMatch(/\/\/# sourceMappingURL=dotdigital-signup\.js\.map$/);
  const map = (await (await request.get(`${SCRIPT}.map`)).json()) as { sources: string[] };
  expect(map.sources.some((source) => source.endsWith('src/embed/index.ts'))).toBe(true);
});

test("README's Subresource Integrity hash is the served file's (Chromium checks it)", async ({ page }) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const integrity = /integrity="(sha384-[^"]+)"/.exec(readme)![1]!;
  const tampered = `sha384-${Buffer.alloc(48).toString('base64')}`;
  await servePage(page, '/sri.html', `
    <script src="${SCRIPT}?good" integrity="${integrity}" crossorigin="anonymous"></script>
    <dotdigital-signup endpoint="/api/signup"></dotdigital-signup>`);
  await page.goto('/sri.html');
  await expect(page.getByRole('checkbox')).toHaveCount(3);
  // The check is real: a wrong hash blocks the script.
  const blocked = await page.evaluate(
    (hash) => new Promise<string>((resolve) => {
      const script = Object.assign(document.createElement('script'), { src: '/embed/dotdigital-signup.js?bad', integrity: hash, crossOrigin: 'anonymous' });
      script.onload = () => resolve('loaded');
      script.onerror = () => resolve('blocked');
      document.head.append(script);
    }),
    tampered,
  );
  expect(blocked).toBe('blocked');
});

test('a submit loads its side files beside the script, each pinned by hash: the submit file once the form is shown, the solver it pins when the proxy asks a proof; a changed file is refused, not run', async ({ page }) => {
  const sideFiles: string[] = [];
  page.on('request', (request) => /dotdigital-signup\.(submit|solver)\.js$/.test(request.url()) && sideFiles.push(new URL(request.url()).pathname));
  await servePage(page, '/side-files.html', `<dotdigital-signup endpoint="/api/signup"></dotdigital-signup><script src="${SCRIPT}" async></script>`);
  await page.goto('/side-files.html');
  await expect.poll(() => sideFiles).toEqual(['/embed/dotdigital-signup.submit.js', '/embed/dotdigital-signup.solver.js']);
  const pinned = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[src*="dotdigital-signup."]')].filter((s) => /submit|solver/.test(s.src)).map((s) => s.integrity));
  expect(pinned).toHaveLength(2);
  for (const integrity of pinned) expect(integrity).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  await page.getByLabel('Email address').fill(`side-files.${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.locator('.dd-signup').first()).toHaveAttribute('data-state', /subscribed|pending_confirmation/);

  // The same page with the submit file changed on its way (a CDN serving another file): the browser refuses it.
  const other = await page.context().newPage();
  const refused: string[] = [];
  other.on('console', (message) => message.type() === 'error' && refused.push(message.text()));
  await servePage(other, '/side-files.html', `<dotdigital-signup endpoint="/api/signup"></dotdigital-signup><script src="${SCRIPT}" async></script>`);
  await other.route('**/embed/dotdigital-signup.submit.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n// changed` });
  });
  await other.goto('/side-files.html');
  await expect.poll(() => refused.join('\n')).toMatch(/integrity/i);
  expect(await other.evaluate(() => (window as { DotdigitalSignup?: { sender?: unknown } }).DotdigitalSignup?.sender)).toBeUndefined();
});
