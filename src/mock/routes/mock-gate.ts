import type { Context, Hono } from 'hono';
import type { LimitVerdict } from '../rules/mock-limits.js';

/** What runs before every API call, v2 and v3 alike. */
export interface GateContext {
  /** The `Authorization` header the account accepts. */
  expected: string;
  region: string | undefined;
  /** The per-minute and hourly limits (one count for every call), if the mock plays them. */
  limits: ((nowMs: number) => LimitVerdict) | undefined;
  now: () => Date;
  /** Runs first on every call: imports whose processing time is over are applied. */
  beforeCall: () => void;
  logCall: (method: string, path: string, status: number) => void;
}

/** The API path prefixes the gate guards. */
export const API_PREFIXES = ['/v2/*', '/contacts/v3/*'] as const;
// The region a host names: r2-api.dotdigital.com → r2; the legacy api.dotmailer.com is r1.
const REGION_HOST = /^https?:\/\/(?:(r\d+)-)?api[^/]*\.(?:dotmailer|dotdigital)\.com(?::\d+)?\//i;

/**
 * A refusal in the shape of the call's API version: v2 `{"message"}`, v3 `{"errorCode","description"}`.
 * The v3 codes for the gate's refusals are the mock's own (Dotdigital documents none).
 */
export function refuse(c: Context, status: number, message: string, errorCode: string, headers?: Record<string, string>): Response {
  const body = c.req.path.startsWith('/contacts/v3/') ? { errorCode, description: message } : { message };
  return c.json(body, status as 400, headers);
}

/**
 * Registers, for v2 and v3 paths, the call log and the gate: Basic auth (401), the account's
 * region (403), then the shared per-minute limit and hourly cap — every call counts once,
 * whatever its version, and carries the `X-RateLimit-*` headers.
 */
export function registerGate(app: Hono, ctx: GateContext): void {
  for (const prefix of API_PREFIXES) {
    app.use(prefix, async (c, next) => {
      await next();
      ctx.logCall(c.req.method, c.req.path, c.res.status);
    });
    app.use(prefix, async (c, next) => {
      ctx.beforeCall();
      if (c.req.header('authorization') !== ctx.expected) return refuse(c, 401, 'Authorization has been denied for this request.', 'unauthorized');
      if (ctx.region && c.req.path !== '/v2/account-info') {
        const host = REGION_HOST.exec(c.req.url);
        if (host && (host[1] ?? 'r1').toLowerCase() !== ctx.region) return refuse(c, 403, 'Forbidden: Access is denied', 'forbidden');
      }
      if (!ctx.limits) return next();
      const verdict = ctx.limits(ctx.now().getTime());
      if (verdict.refusal) {
        const code = verdict.refusal.status === 429 ? 'rateLimitExceeded' : 'apiUsageExceeded';
        return refuse(c, verdict.refusal.status, verdict.refusal.message, code, verdict.headers);
      }
      await next();
      for (const [name, value] of Object.entries(verdict.headers ?? {})) c.res.headers.set(name, value);
    });
  }
}
