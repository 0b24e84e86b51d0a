import { open, readFile, unlink } from 'node:fs/promises';

/** The queue file is locked by a process that still runs (`owner`). */
export class QueueFileInUseError extends Error {
  override readonly name = 'QueueFileInUseError';
  constructor(message: string, readonly owner: number) {
    super(message);
  }
}

// Locks this process holds: a lock naming our own pid but not in here was left by an earlier
// run that had the same pid (a container's process is often pid 1 every time).
const held = new Set<string>();

/**
 * Takes `{path}.lock` for this process, so two processes never own one queue file (each
 * would deliver from its own copy of the entries). A lock left by a process that no longer
 * runs is taken over. Resolves to the function that releases it.
 *
 * @example
 * const release = await claimQueueFile('/var/lib/signup/queue.jsonl');
 * await release();
 */
export async function claimQueueFile(path: string): Promise<() => Promise<void>> {
  const lock = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      held.add(lock);
      return async () => {
        held.delete(lock);
        await unlink(lock).catch(() => undefined);
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Error(`The folder of the signup queue file ${path} does not exist: create it (readable by the proxy's user only), or fix the path.`);
      if (code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (owner > 0 && (owner === process.pid ? held.has(lock) : isRunning(owner))) {
      throw new QueueFileInUseError(
        `The signup queue file ${path} is in use by process ${owner}${owner === process.pid ? ' (this one: close the other queue first)' : ''}. ` +
          'Give each proxy process its own SIGNUP_QUEUE_FILE, or delete the .lock file if that process is gone.',
        owner,
      );
    }
    await unlink(lock).catch(() => undefined);
  }
  throw new Error(`Could not lock the signup queue file ${path}: another process keeps taking ${lock}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
