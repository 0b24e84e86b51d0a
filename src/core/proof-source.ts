/** Proofs for one form's signups, made ahead of need. */
export interface ProofSource {
  /** Starts fetching and solving a challenge, unless one is under way or ready. */
  prepare(): void;
  /**
   * The ready proof (waiting for it if need be), handed out once: the next one is a new challenge.
   * `undefined`: a vendor's check gave none (it said why in the console); the proxy's refusal follows.
   */
  take(): Promise<string | undefined>;
}

/**
 * Keeps one proof of work ready: `prepare()` when the form is shown, so the solving happens while
 * the visitor types, and `take()` at submit. A failed fetch or solve is forgotten, so the next
 * `take()` starts over rather than repeating the failure.
 *
 * @example
 * const proofs = createProofSource(() => fetchChallenge(), solveProofOfWork);
 * proofs.prepare();
 * const proof = await proofs.take();
 */
export function createProofSource(fetchChallenge: () => Promise<unknown>, solve: (challenge: never) => Promise<string>): ProofSource {
  let pending: Promise<string> | undefined;
  const start = () => {
    const made = fetchChallenge().then((challenge) => solve(challenge as never));
    made.catch(() => pending === made && (pending = undefined));
    return made;
  };
  return {
    prepare() {
      pending ??= start();
    },
    take() {
      const proof = pending ?? start();
      pending = undefined;
      return proof;
    },
  };
}
