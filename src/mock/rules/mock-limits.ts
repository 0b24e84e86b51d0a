import type { MockRateLimit } from '../account/mock-options.js';

/** What the limits say about one call: headers to add, and a refusal when over a limit. */
export interface LimitVerdict {
  headers: Record<string, string> | undefined;
  refusal: { status: 429 | 400; message: string } | undefined;
}

const USAGE_EXCEEDED =
  'Your account has generated excess API activity and is being temporarily capped. Please contact support. ERROR_APIUSAGE_EXCEEDED';

/**
 * Counts API calls in fixed windows: a minute for the rate limit (over it: 429 with the
 * four `X-RateLimit-*` headers) and an hour for the legacy flat cap (over it: 400
 * ERROR_APIUSAGE_EXCEEDED). Refused calls do not count against the next window.
 */
export function createCallLimits(rateLimit: MockRateLimit | undefined, hourlyCap: number | undefined): (nowMs: number) => LimitVerdict {
  const minute = { start: 0, count: 0 };
  const hour = { start: 0, count: 0 };
  return (nowMs) => {
    let headers: Record<string, string> | undefined;
    if (rateLimit) {
      const windowMs = rateLimit.windowMs ?? 60_000;
      if (nowMs - minute.start >= windowMs) Object.assign(minute, { start: nowMs, count: 0 });
      const over = minute.count >= rateLimit.perMinute;
      if (!over) minute.count++;
      const resetAt = minute.start + windowMs;
      headers = {
        'x-ratelimit-limit': String(rateLimit.perMinute),
        'x-ratelimit-remaining': String(rateLimit.perMinute - minute.count),
        'x-ratelimit-reset': String(rateLimit.reset === 'epoch' ? Math.ceil(resetAt / 1000) : Math.ceil((resetAt - nowMs) / 1000)),
        'x-ratelimit-scope': rateLimit.scope ?? 'default',
      };
      if (over) return { headers, refusal: { status: 429, message: `API calls are limited to ${rateLimit.perMinute} a minute; wait for the reset.` } };
    }
    if (hourlyCap !== undefined) {
      if (nowMs - hour.start >= 3_600_000) Object.assign(hour, { start: nowMs, count: 0 });
      if (hour.count >= hourlyCap) return { headers, refusal: { status: 400, message: USAGE_EXCEEDED } };
      hour.count++;
    }
    return { headers, refusal: undefined };
  };
}
