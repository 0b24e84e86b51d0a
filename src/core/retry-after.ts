/**
 * The wait an HTTP `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP
 * date (RFC 9110 §10.2.3), never negative; `undefined` when the header is absent or unreadable.
 * Shared by the browser client (the proxy's 429 and 503 answers) and the proxy (Dotdigital's).
 *
 * @example
 * parseRetryAfter('30', Date.now());                            // 30000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now()); // until then
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
