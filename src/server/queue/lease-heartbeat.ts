import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { DrainLock } from './drain-lock.js';
import { LONG_CLAIM_MS, type SignupQueue } from './signup-queue.js';

/** What a drainer holds while its round runs; see {@link startLeaseHeartbeat}. */
export interface LeaseHeartbeat {
  /** How long a claim is taken for: `leaseMs` when the queue can renew claims, else {@link LONG_CLAIM_MS}. */
  readonly claimMs: number;
  /** Claims to keep alive with the lock until the round ends. */
  hold(entries: ReadonlyArray<{ id: string; lease: string }>): void;
  /** Holds the lock for another `leaseMs` from now: `false` when it is no longer this drainer's. */
  keepLock(): Promise<boolean>;
  /** Stops beating (the round is over); waits for a beat in flight. */
  stop(): Promise<void>;
}

/**
 * Keeps a drainer's lock and claims alive while its round runs, however long an import takes:
 * every `leaseMs / 4` the lock is extended and the claims renewed for `leaseMs` more. When the
 * drainer dies the beats stop, and within `leaseMs` the lock and its claims are free for another
 * instance — a minute at most with the defaults, not the ten a long lease would hold them.
 * Beats run on a real timer (unref'd), as a dead process's lease runs out in real time.
 *
 * @example
 * const beat = startLeaseHeartbeat({ lock, token, queue, leaseMs: 20_000, clock });
 * try { beat.hold(await queue.claim({ now, limit, leaseMs: beat.claimMs })); … } finally { await beat.stop(); }
 */
export function startLeaseHeartbeat(options: { lock: DrainLock; token: string; queue: SignupQueue; leaseMs: number; clock: Pick<SignupClock, 'now'>; logger?: SignupLogger | undefined }): LeaseHeartbeat {
  const { lock, token, queue, leaseMs, clock, logger } = options;
  const held: Array<{ id: string; lease: string }> = [];
  let beating: Promise<unknown> = Promise.resolve();
  let told = false;
  const beat = () => {
    beating = Promise.all([
      lock.extend(token, leaseMs),
      held.length > 0 ? queue.renewLeases?.({ entries: held, until: clock.now() + leaseMs }) : undefined,
    ]).catch((error: unknown) => {
      // One missed beat is not fatal (the lease outlasts three more); said once a round, so a store that keeps failing is seen.
      if (!told) logger?.warn('The delivery round could not renew its lock and claims; if it keeps failing, another drainer takes them over', { error: error instanceof Error ? error.message : String(error) });
      told = true;
    });
  };
  const timer = setInterval(beat, Math.max(10, Math.floor(leaseMs / 4)));
  (timer as { unref?: () => void }).unref?.();
  return {
    claimMs: queue.renewLeases ? leaseMs : Math.max(leaseMs, LONG_CLAIM_MS),
    hold: (entries) => void held.push(...entries.map(({ id, lease }) => ({ id, lease }))),
    keepLock: () => lock.extend(token, leaseMs),
    async stop() {
      clearInterval(timer);
      await beating;
    },
  };
}
