// The same user's server: the built app, and the signup proxy (dotdigital-signup/server +
// /server/node) talking to the mock Dotdigital (dotdigital-signup/mock), all from the tarball.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from 'dotdigital-signup/mock';
import { createSignupHandler } from 'dotdigital-signup/server';
import { toNodeListener } from 'dotdigital-signup/server/node';

const mock = createMockDotdigital();
const signup = toNodeListener(
  createSignupHandler({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    apiUrl: 'https://r1-api.dotdigital.com',
    consentText: { en: 'Yes, send me the consumer app newsletter.', de: 'Ja, senden Sie mir den Newsletter der Consumer-App.' },
    preferenceLabels: { de: { 2: 'Wöchentlicher Newsletter' } },
    fetch: (input, init) => mock.fetch(new Request(input, init)),
  }),
);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (request, response) => {
  if (request.url.startsWith('/api/signup')) return signup(request, response);
  const path = join('dist', request.url === '/' ? 'index.html' : request.url.split('?')[0]);
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
