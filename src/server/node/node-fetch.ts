import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A `fetch` for the proxy's calls to Dotdigital on Node, over `node:http(s)` with keep-alive
 * agents. The handler only needs method, headers, a string body and an abort signal; Node 20's
 * built-in `fetch` costs about twice the CPU per call for that, which is most of the proxy's
 * own cost per signup (see `npm run bench`). Aborts reject with the signal's reason, as
 * `fetch` does, so a timeout still reads as a `TimeoutError`.
 *
 * @example
 * createSignupHandler({ ...options, fetch: createNodeFetch() });
 */
export function createNodeFetch(): typeof fetch {
  const agents = { http: new HttpAgent({ keepAlive: true, noDelay: true }), https: new HttpsAgent({ keepAlive: true, noDelay: true }) };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const body = typeof init.body === 'string' ? init.body : undefined;
      if (init.body != null && body === undefined) return reject(new TypeError('createNodeFetch: only string bodies are supported'));
      const headers = Object.fromEntries(new Headers(init.headers));
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const https = url.protocol === 'https:';
      const send = https ? httpsRequest : httpRequest;
      const req = send(url, { method: init.method ?? 'GET', headers, agent: https ? agents.https : agents.http }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 304 || chunks.length === 0;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: toHeaders(res) }));
        });
      });
      const onAbort = () => {
        req.destroy();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
      });
      req.end(body);
    });
}

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
  return headers;
}
