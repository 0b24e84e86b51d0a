import { parseArgs } from 'node:util';
import type { CallBudgetState } from '../../dotdigital/call-budget.js';
import type { Env } from '../env-values.js';
import { duration, iso, utc, type CommandIo } from './command-text.js';
import { openCommandStore } from './open-command-store.js';

/** What `dotdigital-signup status --json` prints. */
export interface StatusReport {
  store: { where: string };
  at: string;
  queue: {
    queued: number; due: number; leased: number | null; inImports: number; waitingForLater: number;
    oldestQueuedAt: string | null; oldestWaitedSeconds: number | null;
  };
  imports: Array<{ importId: string | null; contacts: number; startedAt: string; ageSeconds: number }>;
  deadLetters: { count: number; byReason: Record<string, number> };
  /** Dotdigital's call budget as every instance shares it; `null` where it lives in the serve process (a file queue). */
  dotdigital: { down: boolean; nextProbeAt: string | null; callsLeft: number | null; resetAt: string | null; blockedUntil: string | null } | null;
}

/**
 * `dotdigital-signup status [--json]`: the queue `serve` uses, read from the store itself
 * (Redis, or a file queue's journal), so it works beside any number of running instances.
 *
 * @example
 * process.exitCode = await statusCommand(['--json'], process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
 */
export async function statusCommand(args: string[], env: Env, io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const store = await openCommandStore(env, { write: false });
  try {
    const report = await readStatus(store, Date.now());
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : statusText(report, Date.now()));
    return 0;
  } finally {
    await store.close();
  }
}

async function readStatus(store: Awaited<ReturnType<typeof openCommandStore>>, now: number): Promise<StatusReport> {
  const [counts, imports, letters, budget] = await Promise.all([
    store.queue.counts(now), store.queue.unfinishedImports(), store.queue.deadLetters(), store.budget?.read?.(now),
  ]);
  const byReason: Record<string, number> = {};
  for (const letter of letters) byReason[letter.reason] = (byReason[letter.reason] ?? 0) + 1;
  return {
    store: { where: store.where },
    at: new Date(now).toISOString(),
    queue: {
      queued: counts.queued, due: counts.due, leased: counts.leased ?? null, inImports: counts.inImports,
      waitingForLater: counts.queued - counts.due - (counts.leased ?? 0) - counts.inImports,
      oldestQueuedAt: iso(counts.oldestQueuedAt), oldestWaitedSeconds: counts.oldestQueuedAt === undefined ? null : Math.round((now - counts.oldestQueuedAt) / 1000),
    },
    imports: imports.map((batch) => ({ importId: batch.importId ?? null, contacts: batch.entries.length, startedAt: new Date(batch.startedAt).toISOString(), ageSeconds: Math.round((now - batch.startedAt) / 1000) })),
    deadLetters: { count: letters.length, byReason },
    dotdigital: budget ? budgetReport(budget) : null,
  };
}

const budgetReport = (state: CallBudgetState): NonNullable<StatusReport['dotdigital']> => ({
  down: state.down, nextProbeAt: iso(state.nextProbeAt), callsLeft: state.callsLeft ?? null, resetAt: iso(state.resetAt), blockedUntil: iso(state.blockedUntil),
});

function statusText(report: StatusReport, now: number): string {
  const { queue, imports, deadLetters, dotdigital } = report;
  const since = (at: string | null) => (at === null ? '' : duration(Date.parse(at) - now));
  const leased = queue.leased === null ? 'leased: unknown (held in the serve process)' : `leased ${queue.leased}`;
  const lines = [
    `Signup queue: ${report.store.where}, ${utc(now)}`,
    `  queued        ${queue.queued}  (due now ${queue.due}, ${leased}, waiting for a later turn ${queue.waitingForLater}, in bulk imports ${queue.inImports})`,
    `  oldest        ${queue.oldestQueuedAt === null ? '—' : `waited ${duration((queue.oldestWaitedSeconds ?? 0) * 1000)} (queued ${utc(Date.parse(queue.oldestQueuedAt))})`}`,
    `  bulk imports  ${imports.length === 0 ? 'none' : imports.map((i) => `${i.importId ?? '(not yet accepted)'}: ${i.contacts} signups, started ${duration(i.ageSeconds * 1000)} ago`).join('; ')}`,
    `  dead letters  ${deadLetters.count}${deadLetters.count === 0 ? '' : ` (${Object.entries(deadLetters.byReason).map(([reason, n]) => `${reason} ${n}`).join(', ')}): \`dotdigital-signup dead-letters\` lists them`}`,
  ];
  if (dotdigital === null) {
    lines.push('Dotdigital: its call budget lives in the serve process (a file queue); its log says when Dotdigital is down');
  } else {
    lines.push(
      'Dotdigital (the call budget every instance shares)',
      `  state         ${dotdigital.down ? `held as down: signups are queued at once; next probe ${dotdigital.nextProbeAt && Date.parse(dotdigital.nextProbeAt) > now ? `in ${since(dotdigital.nextProbeAt)}` : 'now'}` : 'up'}`,
      `  calls left    ${dotdigital.callsLeft === null ? 'not known (no rate-limit window open)' : `${dotdigital.callsLeft} until ${utc(Date.parse(dotdigital.resetAt!))} (in ${since(dotdigital.resetAt)})`}`,
    );
    if (dotdigital.blockedUntil) lines.push(`  blocked       no call before ${utc(Date.parse(dotdigital.blockedUntil))} (in ${since(dotdigital.blockedUntil)}): a 429, or no calls left`);
  }
  return `${lines.join('\n')}\n`;
}
