/** A store that can say whether it works now: `ready()` resolves, or rejects with what is wrong (never a secret). */
export interface ReadyCheck {
  ready(): Promise<void>;
  /** The name its check is reported under: parts sharing one check (the Redis stores: `redis`) are reported once. Default: the part's name. */
  readonly readyName?: string;
}

/** What a readiness check found: `ready`, and each store checked (`redis`, `queueFile`, or a part's name) with what is wrong with it. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: true } | { ok: false; problem: string }>;
}

/**
 * Asks every part that can tell (`ready()`) whether it works now, each at most `timeoutMs`;
 * parts sharing one check (Redis stores share their connection) are asked, and reported, once.
 * Parts that cannot tell (memory stores) are left out: they always work.
 *
 * @example
 * await checkReadiness({ queue, budget }); // { ready: false, checks: { redis: { ok: false, problem: 'Redis at 10.0.0.5:6379 is not reachable (…)' } } }
 */
export async function checkReadiness(parts: Record<string, unknown>, timeoutMs = 3_000): Promise<Readiness> {
  const asked = new Map<() => Promise<void>, Promise<string | undefined>>();
  const ask = (ready: () => Promise<void>) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([ready(), late])
      .then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)))
      .finally(() => clearTimeout(timer));
  };
  const checks: Readiness['checks'] = {};
  await Promise.all(Object.entries(parts).map(async ([name, part]) => {
    const { ready, readyName } = (part ?? {}) as Partial<ReadyCheck>;
    if (typeof ready !== 'function' || asked.has(ready)) return;
    const asking = ask(() => ready.call(part));
    asked.set(ready, asking);
    const problem = await asking;
    checks[readyName ?? name] = problem === undefined ? { ok: true } : { ok: false, problem };
  }));
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
