/** A store that can say whether it works now: `ready()` resolves, or rejects with what is wrong (never a secret). */
export interface ReadyCheck {
  ready(): Promise<void>;
}

/** What a readiness check found: `ready`, and each store part checked with what is wrong with it. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: true } | { ok: false; problem: string }>;
}

/**
 * Asks every part that can tell (`ready()`) whether it works now, each at most `timeoutMs`;
 * parts sharing one check (Redis stores share their connection) are asked once. Parts that
 * cannot tell (memory stores) are left out: they always work.
 *
 * @example
 * await checkReadiness({ queue, budget }); // { ready: false, checks: { queue: { ok: false, problem: 'Redis at 10.0.0.5:6379 does not take writes (…)' } } }
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
    const ready = (part as Partial<ReadyCheck> | undefined)?.ready;
    if (typeof ready !== 'function') return;
    if (!asked.has(ready)) asked.set(ready, ask(() => ready.call(part)));
    const problem = await asked.get(ready)!;
    checks[name] = problem === undefined ? { ok: true } : { ok: false, problem };
  }));
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
