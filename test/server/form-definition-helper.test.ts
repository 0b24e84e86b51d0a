import { describe, expect, it } from 'vitest';
import { captureLogger, ENDPOINT, fakeClock, proxyWithMock, status } from '../support/proxy-fixture.js';

// handler.formDefinition(): what a server that renders the page hands the form, without HTTP.
describe('handler.formDefinition()', () => {
  it('is the GET answer, from the same cache: one Dotdigital call for both', async () => {
    const proxy = proxyWithMock({ fields: [{ name: 'FIRSTNAME', label: 'First name' }] });
    const [direct, again, answer] = await Promise.all([proxy.handler.formDefinition(), proxy.handler.formDefinition(), proxy.handler(new Request(ENDPOINT))]);
    expect(direct).toEqual(await answer.json());
    expect(again).toEqual(direct);
    expect(direct.consent.text).toBe('Yes, send me the Northwind newsletter. I can unsubscribe at any time.');
    expect(direct.fields).toEqual([{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }]);
    expect(proxy.upstream.filter((request) => request.url.endsWith('/v2/preferences'))).toHaveLength(1);
  });

  it('hands each caller its own copy: changing one changes nothing the handler serves', async () => {
    const { handler } = proxyWithMock();
    const first = await handler.formDefinition();
    first.consent.text = 'Something else';
    first.preferences.length = 0;
    const second = await handler.formDefinition();
    expect(second.consent.text).not.toBe('Something else');
    expect(second.preferences.length).toBeGreaterThan(0);
  });

  it('keeps answering from the cache while Dotdigital is down', async () => {
    const clock = fakeClock();
    const proxy = proxyWithMock({ clock, definitionCacheMs: 1_000 });
    const fresh = await proxy.handler.formDefinition();
    proxy.faults.push({ times: Infinity, answer: status(503) });
    clock.time += 5_000;
    expect(await proxy.handler.formDefinition()).toEqual(fresh);
  });

  it('rejects with a message saying what to do when nothing is cached and Dotdigital is down, and logs why', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ logger, clock: fakeClock(), retry: { budgetMs: 1_000 } });
    proxy.faults.push({ times: Infinity, answer: status(503) });
    await expect(proxy.handler.formDefinition()).rejects.toThrow(/could not be loaded from Dotdigital .*render the form without `definition` and it loads in the browser/);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Dotdigital did not answer within the retry budget', details: expect.objectContaining({ call: 'preferences' }) }));
  });

  it('rejects, logging the fix, when the API user is refused', async () => {
    const logger = captureLogger();
    const { handler } = proxyWithMock({ logger, apiPassword: 'wrong' });
    await expect(handler.formDefinition()).rejects.toThrow(/could not be loaded/);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/refused the API user \(401\)/) }));
  });
});
