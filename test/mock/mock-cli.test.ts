import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, stopClis } from '../run-cli.js';
import { AUTH, signup } from './mock-fixture.js';

// `dotdigital-signup mock`, from the build, as `npx dotdigital-signup mock …` runs it.
afterEach(stopClis);

describe('dotdigital-signup mock', () => {
  it('plays the account its flags describe', async () => {
    const base = await runCli(['mock', '--port', '0', '--double-opt-in', '--suppressed', 'gone@example.com']).url;
    const post = (email: string) =>
      fetch(`${base}/v2/contacts/with-consent`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(signup(email)) });
    const pending = (await (await post('ann@example.com')).json()) as { contact: { status: string } };
    expect(pending.contact.status).toBe('PendingOptIn');
    expect((await post('gone@example.com')).status).toBe(400);
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('forced for every API signup');
  });

  it('prints its options for --help', async () => {
    const { child, output } = runCli(['mock', '--help']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('--rate-limit N');
  });

  it('exits 1 naming a bad flag', async () => {
    const { child, output } = runCli(['mock', '--rate-limit', 'lots']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toContain('--rate-limit must be a whole number');
  });
});
