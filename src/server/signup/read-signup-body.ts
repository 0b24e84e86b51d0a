import { signupRequestFromForm, type SignupErrorCode } from '../../core/index.js';

/** The largest body the proxy reads; a signup is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** What {@link readSignupBody} found: the parsed body, or why it could not be read. */
export type ReadBody =
  | { ok: true; body: unknown }
  | { ok: false; status: number; code: SignupErrorCode; message: string };

/**
 * Reads a POST body as JSON or `application/x-www-form-urlencoded` (a form that works
 * without JavaScript), refusing anything over {@link MAX_BODY_BYTES} without buffering it all.
 * A form's missing consent time is `now` (the server's), its missing page URL the `Referer`.
 *
 * @example
 * const read = await readSignupBody(request, clock.now());
 */
export async function readSignupBody(request: Request, now: number): Promise<ReadBody> {
  const type = mediaType(request);
  const form = type === 'application/x-www-form-urlencoded';
  if (type !== 'application/json' && !form) {
    return { ok: false, status: 415, code: 'unsupported_media_type', message: 'Send the signup as application/json (or application/x-www-form-urlencoded from a plain HTML form).' };
  }
  const text = await readBodyText(request);
  if (text === undefined) return tooLarge();
  if (form) {
    const defaults = { consentedAt: new Date(now).toISOString(), pageUrl: request.headers.get('referer') ?? undefined };
    return { ok: true, body: signupRequestFromForm(new URLSearchParams(text), defaults) };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
  }
}

/**
 * The request's media type, without parameters, lower-cased (`''` when none is sent).
 *
 * @example
 * mediaType(request); // 'application/x-www-form-urlencoded'
 */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The body as text, or `undefined` when it is over {@link MAX_BODY_BYTES} (then not buffered whole).
 *
 * @example
 * const text = await readBodyText(request); // undefined: answer 413
 */
export async function readBodyText(request: Request): Promise<string | undefined> {
  const length = request.headers.get('content-length');
  const declared = length === null ? undefined : Number(length);
  if (declared !== undefined && declared > MAX_BODY_BYTES) return undefined;
  // A declared length is enforced by the HTTP layer, so such a body can be read in one go;
  // only a chunked body of unknown length is read piece by piece against the cap.
  const text = declared !== undefined && Number.isFinite(declared) ? await request.text() : await readCapped(request);
  // (A runtime that did not hold a body to its declared length is still caught here.)
  return text === undefined || text.length > MAX_BODY_BYTES ? undefined : text;
}

/**
 * The 413 answer's parts.
 *
 * @example
 * const { status, code, message } = tooLarge(); // 413, 'payload_too_large', 'The request body is over 16384 bytes.'
 */
export function tooLarge(): ReadBody & { ok: false } {
  return { ok: false, status: 413, code: 'payload_too_large', message: `The request body is over ${MAX_BODY_BYTES} bytes.` };
}

async function readCapped(request: Request): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

