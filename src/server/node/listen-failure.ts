/** How the person who started the process picks another port, e.g. `PORT=3001 npm start`. */
export interface PortChoice {
  /** The port that was asked for. */
  port: number;
  /** The environment variable that sets it, e.g. `PORT`. */
  variable: string;
  /** The command as they ran it, e.g. `npm start`. */
  command: string;
  /** A command-line flag that sets it too, e.g. `--port`. */
  flag?: string;
}

/**
 * The one-line message for a server that could not listen because of its port (taken, or
 * privileged), naming the port and how to choose another; `undefined` for any other error,
 * which the caller reports as it is. A person starting a server wants the fix, not a stack trace.
 *
 * @example
 * listenFailure(error, { port: 3000, variable: 'PORT', command: 'npm start' });
 * // 'Port 3000 is already in use by another program: stop that program, or choose another port, e.g. PORT=3001 npm start.'
 */
export function listenFailure(error: unknown, choice: PortChoice): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const next = choice.port > 0 && choice.port < 65_535 ? choice.port + 1 : 3001;
  const another = `${choice.variable}=${next} ${choice.command}${choice.flag ? ` (or ${choice.flag} ${next})` : ''}`;
  if (code === 'EADDRINUSE') return `Port ${choice.port} is already in use by another program: stop that program, or choose another port, e.g. ${another}.`;
  if (code === 'EACCES') return `Port ${choice.port} needs administrator rights on this system: choose a port above 1023, e.g. ${another}.`;
  return undefined;
}
