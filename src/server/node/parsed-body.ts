import type { IncomingMessage } from 'node:http';

/** What a body parser left on the request: the body again as bytes, or why it cannot be had. */
export type ParsedBody = { bytes: Buffer } | { refused: string };

const FIX = 'mount the signup route before body parsers (app.all(\'/api/signup\', toNodeListener(handler)) first), or let it read JSON from express.json() / forms from express.urlencoded() (README, "Express")';

/**
 * The body of a request that middleware has already read, as the proxy would have read it:
 * Express apps often run `express.json()` or `express.urlencoded()` for every route, before
 * the signup route, and then the stream is empty. The parsed value (`req.body`) is turned back
 * into bytes of the request's own type (JSON, or the form encoding, whose repeated names
 * come back as arrays), or, when it cannot be (the stream was read by something that left no
 * usable `req.body`), the reason and the fix. `undefined`: nobody read the stream.
 *
 * @example
 * const parsed = parsedBody(req); // after express.json(): { bytes: <Buffer 7b 22 65 6d …> }
 */
export function parsedBody(incoming: IncomingMessage & { body?: unknown; rawBody?: unknown }): ParsedBody | undefined {
  if (!incoming.readableEnded || incoming.rawBody instanceof Buffer) return undefined;
  if (incoming.method === 'GET' || incoming.method === 'HEAD' || incoming.method === 'OPTIONS') return undefined;
  const body = incoming.body;
  const type = (incoming.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (Buffer.isBuffer(body)) return { bytes: body }; // express.raw()
  if (typeof body === 'string') return { bytes: Buffer.from(body) }; // express.text()
  if (body !== null && typeof body === 'object') {
    if (type === 'application/json') return { bytes: Buffer.from(JSON.stringify(body)) };
    if (type === 'application/x-www-form-urlencoded') {
      const form = formBytes(body as Record<string, unknown>);
      if (form) return { bytes: form };
    }
  }
  return { refused: `The signup's request body was already read by middleware before the signup route, and left nothing it can use: ${FIX}.` };
}

// The form encoding again. Every proxy name is flat (`consent.text`, `fields.NAME`), so a value is
// a string or, for a repeated name, an array of strings; anything nested came from other input.
function formBytes(body: Record<string, unknown>): Buffer | undefined {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') return undefined;
      form.append(name, item);
    }
  }
  return Buffer.from(form.toString());
}
