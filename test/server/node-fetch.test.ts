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
    if (req.url === '/empty-body') return void res.writeHead(200).end();
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

  it('answers a Response whose body reads once, as fetch\'s does', async () => {
    const response = await nodeFetch(`${base}/echo`);
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(JSON.parse(await response.text())).toMatchObject({ method: 'GET' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    await expect(response.json()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(response.body?.locked || response.bodyUsed).toBe(true);
  });

  it('serves every way of reading the body, and clones', async () => {
    const reads: Array<[string, (r: Response) => Promise<unknown>]> = [
      ['json', (r) => r.json()],
      ['arrayBuffer', async (r) => JSON.parse(new TextDecoder().decode(await r.arrayBuffer()))],
      ['blob', async (r) => JSON.parse(await (await r.blob()).text())],
      ['body', async (r) => JSON.parse(await new Response(r.body).text())],
      ['clone', async (r) => {
        const copy = r.clone();
        const [mine, theirs] = [await r.json(), await copy.json()];
        expect(mine).toEqual(theirs);
        await expect(r.text()).rejects.toThrow(TypeError);
        return mine;
      }],
    ];
    for (const [name, read] of reads) {
      const response = await nodeFetch(`${base}/${name}`, { method: 'POST', body: name });
      expect(await read(response), name).toEqual({ method: 'POST', auth: undefined, body: name });
      expect(response.bodyUsed, name).toBe(true);
    }
  });

  it('rejects a body that is not JSON from json(), as fetch does', async () => {
    const response = await nodeFetch(`${base}/empty-body`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
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
