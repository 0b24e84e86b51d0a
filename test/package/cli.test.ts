import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { runCli, stopClis } from '../support/run-cli.js';

// The built bin, as `npx dotdigital-signup` runs it.
afterEach(stopClis);

describe('dotdigital-signup bin', () => {
  it('`mock` serves the Dotdigital API with the demo credentials', async () => {
    const { url } = runCli(['mock', '--port', '0']);
    const base = await url;
    const auth = { authorization: `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}` };
    const response = await fetch(`${base}/v2/preferences`, { headers: auth });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('`serve` runs the proxy from environment variables against that API', async () => {
    const mock = runCli(['mock', '--port', '0']);
    const proxy = runCli(['serve', '--port', '0'], {
      DOTDIGITAL_API_USER: DEMO_API_USER,
      DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD,
      DOTDIGITAL_API_URL: await mock.url,
      SIGNUP_CONSENT_TEXT: 'Consent from the environment.',
    });
    const definition = (await (await fetch(await proxy.url)).json()) as { consent: { text: string } };
    expect(definition.consent.text).toBe('Consent from the environment.');
  });

  it('`serve` without credentials exits 1 and says what to set', async () => {
    const { child, output } = runCli(['serve', '--port', '0']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toContain('Set DOTDIGITAL_API_USER and DOTDIGITAL_API_PASSWORD');
  });
});
