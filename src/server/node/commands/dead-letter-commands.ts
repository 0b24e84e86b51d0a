import { parseArgs } from 'node:util';
import type { DeadLetter } from '../../queue/dead-letters.js';
import { createEmailRef } from '../../shared/email-ref.js';
import { positive, type Env } from '../env-values.js';
import { DEFAULT_CONSENT_TEXT } from '../options-from-env.js';
import { columns, duration, iso, utc, type CommandIo } from './command-text.js';
import { CommandStoreError, openCommandStore } from './open-command-store.js';

const DEFAULT_RETENTION_DAYS = 30;

// The consent text serve records now, from the same environment.
const currentConsent = (env: Env) => env.SIGNUP_CONSENT_TEXT || DEFAULT_CONSENT_TEXT;

/**
 * `dotdigital-signup dead-letters [--json] [--show-email]`: the signups kept undelivered, oldest
 * first: id, reason, when each died, how long it waited, its attempts, and the contact by the
 * reference the logs use (keyed with DOTDIGITAL_API_PASSWORD), the address only with `--show-email`.
 *
 * @example
 * await deadLettersCommand(['--json'], process.env, io);
 */
export async function deadLettersCommand(args: string[], env: Env, io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, 'show-email': { type: 'boolean' } }, strict: true });
  const store = await openCommandStore(env, { write: false });
  let letters: DeadLetter[];
  try {
    letters = await store.queue.deadLetters();
  } finally {
    await store.close();
  }
  const password = env.DOTDIGITAL_API_PASSWORD;
  const ref = password ? createEmailRef(password) : undefined;
  if (!ref) io.err('DOTDIGITAL_API_PASSWORD is not set: contacts are shown without the references the logs use (they are keyed with it).\n');
  const retentionMs = (positive(env, 'SIGNUP_DEAD_LETTER_DAYS') ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
  const rows = await Promise.all(letters.map(async ({ entry, reason, diedAt, status, token }) => ({
    id: entry.id, reason, ...(status === undefined ? {} : { status }), ...(token === undefined ? {} : { token }),
    diedAt: iso(diedAt), acceptedAt: iso(entry.acceptedAt), ...(entry.requeuedAt === undefined ? {} : { requeuedAt: iso(entry.requeuedAt) }),
    attempts: entry.attempts, contact: ref ? await ref(entry.contact.email) : null, ...(values['show-email'] ? { email: entry.contact.email } : {}),
    consentTextCurrent: entry.contact.consentText === currentConsent(env), expiresAt: iso(diedAt + retentionMs),
  })));
  if (values.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.out(`No dead letters in ${store.where}.\n`);
    return 0;
  }
  const table = [['ID', 'REASON', 'DIED', 'WAITED', 'ATTEMPTS', values['show-email'] ? 'EMAIL' : 'CONTACT']];
  for (const [i, row] of rows.entries()) {
    const letter = letters[i]!;
    table.push([row.id, row.reason, utc(letter.diedAt), duration(letter.diedAt - (letter.entry.requeuedAt ?? letter.entry.acceptedAt)), String(row.attempts), row.email ?? row.contact ?? '—']);
  }
  io.out(`${rows.length} dead letter${rows.length === 1 ? '' : 's'} in ${store.where}, each deleted ${Math.round(retentionMs / 86_400_000)} days after it died (they hold personal data):\n${columns(table)}\n` +
    '`dotdigital-signup requeue --all` (or their ids) puts them back in the queue.\n');
  return 0;
}

/**
 * `dotdigital-signup requeue --all | ID…`: puts dead letters back in the queue, due now, each
 * with the consent record its visitor gave (also when the configured text has changed since).
 * An unknown id changes nothing and exits 1.
 *
 * @example
 * await requeueCommand(['--all'], process.env, io);
 */
export async function requeueCommand(args: string[], env: Env, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (Boolean(values.all) === (positionals.length > 0)) {
    throw new CommandStoreError('Say which dead letters to put back: `requeue --all`, or `requeue ID…` with ids from `dotdigital-signup dead-letters` (not both).');
  }
  const store = await openCommandStore(env, { write: true });
  let result: Awaited<ReturnType<typeof store.queue.requeue>>;
  try {
    result = await store.queue.requeue({ ids: values.all ? 'all' : positionals, now: Date.now() });
  } finally {
    await store.close();
  }
  if ('unknown' in result) {
    throw new CommandStoreError(`No dead letter ${result.unknown.map((id) => JSON.stringify(id)).join(', ')} in ${store.where}: nothing was requeued. \`dotdigital-signup dead-letters\` lists them (one requeued already is in the queue again).`);
  }
  const changed = result.requeued.filter((entry) => entry.contact.consentText !== currentConsent(env)).length;
  if (values.json) {
    io.out(`${JSON.stringify({ requeued: result.requeued.map((entry) => entry.id), consentTextChanged: changed }, null, 2)}\n`);
    return 0;
  }
  const n = result.requeued.length;
  io.out(n === 0 ? `No dead letters in ${store.where}: nothing to requeue.\n`
    : `Requeued ${n} dead letter${n === 1 ? '' : 's'} in ${store.where}: due now, sent in serve's next delivery round.\n` +
      (changed > 0 ? `${changed} of them consented to a text that is no longer SIGNUP_CONSENT_TEXT: each is delivered with the text its visitor saw, as recorded then.\n` : ''));
  return 0;
}
