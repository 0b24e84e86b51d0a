import type { MockFault } from '../account/mock-options.js';
import { MockDroppedConnection } from '../wire/mock-api-error.js';

type FaultKind = 'call' | 'importStatus' | 'contactFailure';
const kindOf = (fault: MockFault): FaultKind => (fault.importStatus ? 'importStatus' : fault.contactFailure ? 'contactFailure' : 'call');

// What a gateway in front of an API typically answers; only 500 comes from the application.
function faultResponse(status: number): Response {
  if (status === 500) {
    return new Response(JSON.stringify({ message: 'An error has occurred.' }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }
  const reason = ({ 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[status] ?? 'Error';
  return new Response(`<html><body><h1>${status} ${reason}</h1></body></html>`, { status, headers: { 'content-type': 'text/html' } });
}

/** The queue of injected faults: `take` answers the call's failure, if one is due. */
export function createFaultQueue(initial: MockFault[] = []) {
  const queue = initial.map((fault) => ({ fault, left: fault.times ?? 1 }));
  function use(kind: FaultKind, subject: string): MockFault | undefined {
    if (queue.length === 0) return undefined;
    const index = queue.findIndex(({ fault }) => kindOf(fault) === kind && (!fault.match || fault.match.test(subject)));
    if (index < 0) return undefined;
    const entry = queue[index]!;
    if (--entry.left <= 0) queue.splice(index, 1);
    return entry.fault;
  }
  return {
    add(fault: MockFault): void {
      queue.push({ fault, left: fault.times ?? 1 });
    },
    clear(): void {
      queue.length = 0;
    },
    /** The injected answer for this call, or `undefined` to answer normally. Throws for a dropped connection. */
    take(method: string, path: string): Response | undefined {
      const fault = use('call', `${method} ${path}`);
      if (!fault) return undefined;
      if (fault.drop) throw new MockDroppedConnection();
      return faultResponse(fault.status!);
    },
    /** The fault due for the next import (`importStatus`) or imported contact (`contactFailure`, matched on its email). */
    takeImport(kind: 'importStatus' | 'contactFailure', subject = ''): MockFault | undefined {
      return use(kind, subject);
    },
    /** The faults not yet used, for the mock's page. */
    pending(): Array<{ fault: MockFault; left: number }> {
      return queue.map((entry) => ({ ...entry }));
    },
  };
}

/** Waits `ms`, or rejects with the signal's reason if the caller gives up first (as `fetch` would). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
