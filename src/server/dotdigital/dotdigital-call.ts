import type { CallBudget, CallOutcome } from './call-budget.js';
import { DotdigitalApiError, errorKindFor, readErrorToken, v3ErrorKind, type DotdigitalErrorKind } from './dotdigital-api-error.js';
import { parseRateLimit, retryAfterMs, type DotdigitalRateLimit } from './rate-limit.js';

/** What every call shares: how to send, as whom, how long to wait, and where rate limits go. */
export interface CallConfig {
  fetch: typeof fetch;
  authorization: string;
  timeoutMs: number;
  now: () => number;
  onRateLimit: (rateLimit: DotdigitalRateLimit) => void;
  /** Dotdigital's call budget, shared by every instance: asked before each call, told its outcome. */
  budget?: CallBudget | undefined;
  metrics?: CallMetrics | undefined;
}

/** Where each call's outcome is counted (the handler's metrics). */
export interface CallMetrics {
  /** `status`: the HTTP status Dotdigital answered, or `timeout` / `unreachable`. */
  apiCall(status: string, ms: number): void;
  heldBack(reason: string): void;
}

/** One call: `label` names it in errors without the email address a path may hold. */
export interface CallSpec {
  base: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  label: string;
  body?: unknown;
  /**
   * A `not_found` refusal is an answer here, not an error: `{ status, body, missing: true }`.
   * Reading a contact who does not exist yet is the usual case of a signup, and an Error
   * (its stack, its message, the rejections it passes through) costs more than the call.
   */
  missingIsAnswer?: boolean;
}

/**
 * Makes one Dotdigital call within the timeout (answer and body both), and returns the
 * parsed JSON of a 2xx answer. Everything else becomes a {@link DotdigitalApiError}: no
 * answer (`unavailable`), too slow (`timeout`), or a refusal with its `ERROR_…` token,
 * kind, rate-limit headers and the wait they imply. Retrying is the caller's choice.
 *
 * With a `budget`, this is the one place every call asks it first and reports to it: a call the
 * budget holds back is never sent and fails as `held_back` with the wait it names.
 */
export async function callDotdigital(config: CallConfig, spec: CallSpec): Promise<{ status: number; body: unknown; missing?: true }> {
  if (config.budget) await askBudget(config.budget, config.now(), spec.label, config.metrics);
  const sentAt = config.now(); // an answer's X-RateLimit-Reset counts from a moment after this
  const started = performance.now();
  const controller = new AbortController();
  // A timer we clear ourselves: an AbortSignal.timeout would keep one alive per call for timeoutMs.
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${config.timeoutMs} ms`, 'TimeoutError')), config.timeoutMs);
  // Raced against everything, so even a fetch that ignores its signal cannot hang the caller.
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  aborted.catch(() => undefined);
  let response: Response;
  let text: string;
  try {
    response = await Promise.race([
      config.fetch(`${spec.base}${spec.path}`, {
        method: spec.method,
        headers: { authorization: config.authorization, accept: 'application/json', ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal: controller.signal,
      }),
      aborted,
    ]);
    text = await Promise.race([response.text(), aborted]);
  } catch (cause) {
    tellBudget(config, { kind: 'unreachable' });
    config.metrics?.apiCall(controller.signal.aborted ? 'timeout' : 'unreachable', performance.now() - started);
    if (controller.signal.aborted) {
      throw new DotdigitalApiError(0, undefined, `Dotdigital ${spec.label}: no answer within ${config.timeoutMs} ms; try again later.`, undefined, { kind: 'timeout', cause });
    }
    const reason = (cause as { cause?: { code?: unknown } })?.cause?.code ?? (cause as Error)?.message ?? 'network error';
    throw new DotdigitalApiError(0, undefined, `Dotdigital ${spec.label}: could not reach Dotdigital (${String(reason)}); try again later.`, undefined, { kind: 'unavailable', cause });
  } finally {
    clearTimeout(timer);
  }
  const nowMs = config.now();
  const rateLimit = parseRateLimit(response.headers, nowMs);
  if (rateLimit) config.onRateLimit(rateLimit);
  tellBudget(config, { kind: 'answered', status: response.status, rateLimit, sentAt });
  config.metrics?.apiCall(String(response.status), performance.now() - started);
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined; // gateways answer HTML; the status still says what happened
  }
  if (response.ok) return { status: response.status, body };
  const token = readErrorToken(body);
  const kind = v3ErrorKind(response.status, body) ?? errorKindFor(response.status, token);
  if (kind === 'not_found' && spec.missingIsAnswer) return { status: response.status, body, missing: true };
  const wait = kind === 'rate_limited' || kind === 'usage_capped' || kind === 'unavailable' ? retryAfterMs(response.headers, rateLimit, nowMs) : undefined;
  throw new DotdigitalApiError(response.status, token, describe(kind, spec.label, response.status, token, wait), wait, { kind, ...(rateLimit ? { rateLimit } : {}) });
}

async function askBudget(budget: CallBudget, now: number, label: string, metrics: CallMetrics | undefined): Promise<void> {
  let permit: Awaited<ReturnType<CallBudget['mayCall']>>;
  try {
    permit = await budget.mayCall(now);
  } catch {
    // The budget's store is unreachable (Redis lost): call anyway, so a signup is tried live
    // rather than failed for want of bookkeeping. The store reports its own connection.
    return;
  }
  if (permit.allowed) return;
  metrics?.heldBack(permit.reason);
  const why = permit.reason === 'rate-limited' ? 'its rate limit allows no call before the reset' : 'it is known to be unavailable (one probe at a time checks)';
  throw new DotdigitalApiError(0, undefined, `Dotdigital ${label}: not called, ${why}; try again in ${Math.ceil(permit.retryAfterMs / 1000)} s.`, permit.retryAfterMs, { kind: 'held_back' });
}

// Not awaited: the caller's answer does not wait for bookkeeping, and a lost store only loses one note.
function tellBudget(config: CallConfig, outcome: CallOutcome): void {
  config.budget?.record(config.now(), outcome).catch(() => undefined);
}

function describe(kind: DotdigitalErrorKind, label: string, status: number, token: string | undefined, wait: number | undefined): string {
  const head = `Dotdigital ${label} answered ${status}${token ? ` ${token}` : ''}`;
  const later = wait === undefined ? 'try again later' : `try again in ${Math.ceil(wait / 1000)} s`;
  switch (kind) {
    case 'unauthorized':
      return `${head}: the API user or password is wrong — check apiUser and apiPassword (Dotdigital: Settings → Access → API users; the user must be active).`;
    case 'wrong_region':
      return `${head}: the account lives in another region — leave apiUrl unset so the client discovers it, or set it to your region's host (r1 Europe, r2 North America, r3 Asia Pacific).`;
    case 'rate_limited':
      return `${head}: over the per-minute rate limit; ${later}.`;
    case 'usage_capped':
      return `${head}: the account is over its hourly API allowance; ${later}, or ask Dotdigital support to lift the cap.`;
    case 'unavailable':
      return `${head}: Dotdigital is not available; ${later}.`;
    default:
      return `${head}.`;
  }
}
