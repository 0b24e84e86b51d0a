import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../src/server/node/index.js';

// createNodeFetch stands in for the global fetch on the proxy's calls: it must behave like it.
let base = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    if (req.url === '/empty') return void res.writeHead(204).end();
    res.writeHead(req.url === '/limited' ? 429 : 200, { 'content-type': 'application/json', 'x-ratelimit-reset': '7', 'set-cookie': ['a=1', 'b=2'] });
    res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));

describe('createNodeFetch', () => {
  const nodeFetch = createNodeFetch();

  it('sends method, headers and body, and answers a Response with status and headers', async () => {
    const response = await nodeFetch(`${base}/echo`, { method: 'POST', headers: { authorization: 'Basic x' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Basic x', body: '{"a":1}' });
    const limited = await nodeFetch(`${base}/limited`, { headers: new Headers({ authorization: 'Basic y' }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset')).toBe('7');
    expect(limited.headers.get('set-cookie')).toContain('a=1');
  });

  it('answers a bodiless status without throwing', async () => {
    const response = await nodeFetch(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('aborts with the signal, as fetch does', async () => {
    const started = Date.now();
    await expect(nodeFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rejects when nothing listens', async () => {
    await expect(nodeFetch('http://127.0.0.1:1/')).rejects.toThrow();
  });
});
