import type { SignupClock } from '../shared/signup-clock.js';

/** Samples kept per kind of work, and of single calls. */
const KIND_SAMPLES = 32;
const CALL_SAMPLES = 128;

/**
 * Holds every `202 pending_confirmation` answer to one floor, so its timing says nothing about
 * the address: a new one, one already subscribed, one that left or cannot come back cost
 * Dotdigital different calls (0 to 3), and a stranger timing the answer would otherwise learn
 * which. See {@link createAnswerFloor}.
 *
 * @example
 * floor.learn('returning', clock.now() - started, 2);
 * await floor.hold(started);
 */
export interface AnswerFloor {
  /** Learns from one signup's Dotdigital work: `ms` for `calls` calls; `kind` when it was answered pending (undefined otherwise). */
  learn(kind: string | undefined, ms: number, calls: number): void;
  /** Resolves once `floor()` ms have passed since `startedAt`, at once when they have. */
  hold(startedAt: number): Promise<void>;
  /** The floor now, in ms. */
  floor(): number;
}

/**
 * The floor is what the slowest kind of pending work has taken lately, learned two ways, the
 * larger winning: the 90th percentile of each kind's own recent times (so a kind seen once is
 * covered from then on), and `slowestCalls` times the 90th percentile of one Dotdigital call (so
 * a kind not seen yet is covered too). Capped at `capMs` (the retry budget). Work slower than the
 * floor (Dotdigital retrying, say) is answered when it is done: that time tells of Dotdigital,
 * which is slow for everyone alike, not of the address.
 *
 * @example
 * const floor = createAnswerFloor({ clock, slowestCalls: 2, capMs: 8_000 });
 */
export function createAnswerFloor(options: { clock: Pick<SignupClock, 'now' | 'sleep'>; slowestCalls: number; capMs: number }): AnswerFloor {
  const { clock, slowestCalls, capMs } = options;
  const kinds = new Map<string, number[]>();
  // Each kind's p90, updated when that kind learns: a signup sorts its own kind's samples, not every kind's.
  const kindFloors = new Map<string, number>();
  const calls: number[] = [];
  let callFloor = 0;
  let current = 0;
  const remember = (ring: number[], value: number, size: number) => {
    ring.push(value);
    if (ring.length > size) ring.shift();
  };
  return {
    learn(kind, ms, count) {
      if (count > 0) {
        remember(calls, ms / count, CALL_SAMPLES);
        callFloor = slowestCalls * p90(calls);
      }
      if (kind !== undefined) {
        const ring = kinds.get(kind) ?? [];
        kinds.set(kind, ring);
        remember(ring, ms, KIND_SAMPLES);
        kindFloors.set(kind, p90(ring));
      }
      current = Math.min(capMs, Math.max(0, callFloor, ...kindFloors.values()));
    },
    async hold(startedAt) {
      const wait = startedAt + current - clock.now();
      if (wait > 0) await clock.sleep(wait);
    },
    floor: () => current,
  };
}

function p90(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}
