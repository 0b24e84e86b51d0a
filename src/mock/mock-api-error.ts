/**
 * A refusal in Dotdigital's shape: a status and a `{"message": "…"}` body whose message is
 * `"Error: ERROR_CODE"` or `"A human sentence. ERROR_CODE"`, as dotdigital-api.md records.
 */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What a dropped connection looks like to a caller of the in-process `fetch`: undici's
 * rejection, a `TypeError` "fetch failed" whose cause says the socket closed. The Node
 * listener catches it and destroys the socket instead.
 */
export class MockDroppedConnection extends TypeError {
  constructor() {
    super('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
  }
}
