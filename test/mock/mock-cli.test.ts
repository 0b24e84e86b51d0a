import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, stopClis } from '../support/run-cli.js';
import { AUTH, signup } from '../support/mock-fixture.js';
import { readBack } from './readme/read-back.js';

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

  it('plays imports, bounces and resubscribes over HTTP as its flags describe', async () => {
    const base = await runCli(['mock', '--port', '0', '--import-processing', '0', '--imports-without-opt-in-email', '--hard-bounced', 'hb@example.com']).url;
    const call = async (method: string, path: string, body: unknown) =>
      (await fetch(`${base}${path}`, { method, headers: { authorization: AUTH, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json() as Promise<Record<string, any>>;
    const contact = { matchIdentifier: 'email', identifiers: { email: 'ann@example.com' }, channelProperties: { email: { status: 'subscribed', optInType: 'verifiedDouble' } } };
    const { importId } = await call('PUT', '/contacts/v3/import', { contacts: [contact] });
    expect((await call('GET', `/contacts/v3/import/${importId}`, undefined)).status).toBe('Finished');
    expect((await call('GET', '/contacts/v3/email/ann@example.com', undefined)).status).toBe('subscribed');
    expect((await call('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'hb@example.com' } })).status).toBe('ContactCannotBeUnsuppressed');
  });

  it("answers README's read-back example over HTTP: the contact as JSON, 404 for none, the confirmation link", async () => {
    const base = await runCli(['mock', '--port', '0', '--double-opt-in']).url;
    const body = signup('ann@example.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] });
    await fetch(`${base}/v2/contacts/with-consent-and-preferences`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const read = await readBack(base, 'ann@example.com');
    expect(read?.contact).toMatchObject({ status: 'PendingOptIn', dataFields: { FIRSTNAME: 'Ann' }, consentRecords: [{ text: 'Yes please.' }] });
    expect((await fetch(read!.confirmationLink!)).status).toBe(200); // Ann clicks the link
    expect((await readBack(base, 'ann@example.com'))?.contact.status).toBe('Subscribed');
    expect(await readBack(base, 'nobody@example.com')).toBeUndefined();
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
