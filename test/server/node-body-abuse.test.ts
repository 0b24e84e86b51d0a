import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { listenSignup } from '../../src/server/node/index.js';

// Bodies written by hand on a raw socket, as an attacker would, against the Node server the
// `serve` command runs. readSignupBody reads a body with a declared length in one go because the
// HTTP layer holds it to that length: these pin that assumption where it is made.
let mock: Awaited<ReturnType<typeof listenMock>>;
let proxy: Awaited<ReturnType<typeof listenSignup>>;
beforeAll(async () => {
  mock = await listenMock();
  const options = { apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, consentText: 'Raw.', rateLimit: false as const };
  proxy = await listenSignup(options, { host: '127.0.0.1' });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

/** Writes `head` and `body` as they are and resolves to the status line of the first answer. */
function send(head: string[], body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.slice(0, answer.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
    socket.write(`${['POST / HTTP/1.1', 'Host: proxy', 'Content-Type: application/json', ...head].join('\r\n')}\r\n\r\n${body}`);
  });
}

const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
const big = `{"email":"${'a'.repeat(1_000_000)}`;

describe('the Node server against hand-written bodies', () => {
  it('refuses a chunked body past 16 KB (no length to check up front)', async () => {
    expect(await send(['Transfer-Encoding: chunked'], `${chunk(big)}0\r\n\r\n`)).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('refuses a declared length past 16 KB before the body arrives', async () => {
    expect(await send(['Content-Length: 100000000'], '{')).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('reads no more than a lying Content-Length, and refuses the rest as a malformed request', async () => {
    expect(await send(['Content-Length: 10'], big)).toMatch(/^HTTP\/1\.1 400 /);
  });

  it.each([
    ['Content-Length with Transfer-Encoding (request smuggling)', ['Content-Length: 10', 'Transfer-Encoding: chunked'], `${chunk('{}')}0\r\n\r\n`],
    ['two different Content-Lengths', ['Content-Length: 2', 'Content-Length: 3'], '{}x'],
    ['a Content-Length that is not a number', ['Content-Length: 0x10'], '{}'],
  ])('answers 400 to %s', async (_name, head, body) => {
    expect(await send(head, body)).toBe('HTTP/1.1 400 Bad Request');
  });

  it('answers 431 to thousands of headers', async () => {
    const many = Array.from({ length: 3000 }, (_, index) => `X-H${index}: v`);
    expect(await send(many)).toBe('HTTP/1.1 431 Request Header Fields Too Large');
  });
});

describe('the Node server against a body sent byte by byte', () => {
  it('answers 408 once a request has taken longer than requestTimeoutMs to arrive', async () => {
    const slow = await listenSignup(
      { apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, consentText: 'Raw.', rateLimit: false },
      { host: '127.0.0.1', requestTimeoutMs: 300 },
    );
    try {
      const started = Date.now();
      const status = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(slow.url).port), '127.0.0.1');
        let answer = '';
        socket.on('data', (data) => {
          answer += data;
          if (answer.includes('\r\n')) resolve(answer.slice(0, answer.indexOf('\r\n')));
        });
        socket.on('close', () => resolve(answer || 'closed without an answer'));
        socket.on('error', reject);
        // One byte of a 100-byte body, then nothing more: the server must not wait for ever.
        socket.write('POST / HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      });
      expect(status).toBe('HTTP/1.1 408 Request Timeout');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.close();
    }
  });
});
