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

/** One entry of a v3 error's `details`: which item was wrong, and why. */
export interface MockV3ErrorDetail {
  item: string;
  description: string;
}

/**
 * A refusal in the v3 shape: `{"errorCode":"contacts:…","description":"…","details":[…]}`,
 * as dotdigital-api.md records for the `/contacts/v3/…` calls.
 */
export class MockV3Error extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly description: string,
    readonly details: MockV3ErrorDetail[] = [],
  ) {
    super(description);
  }

  /** The JSON body the API answers with. */
  body(): Record<string, unknown> {
    return { errorCode: this.errorCode, description: this.description, ...(this.details.length ? { details: this.details } : {}) };
  }
}
