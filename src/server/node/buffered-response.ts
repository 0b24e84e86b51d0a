// The Response class of the runtime, taken before any adapter (Hono's Node server swaps in
// its own) replaces the global: a BufferedResponse is a real one, whatever runs later.
const NativeResponse = globalThis.Response;
const decoder = new TextDecoder();

type BodyRead = 'text' | 'json' | 'arrayBuffer' | 'bytes';

/**
 * A `Response` whose body is already in memory, as undici hands it over. `text()`,
 * `json()`, `arrayBuffer()` and `bytes()` answer straight from the bytes: a Response built
 * on them would first wrap them in a web stream and read that back, which cost about a
 * tenth of the proxy's CPU per signup. Everything else that touches the body (`body`,
 * `blob()`, `formData()`, `clone()`) gets a real Response over the same bytes, made on
 * first use, so the answer behaves exactly as fetch's does: the body reads once, then
 * `bodyUsed` is true and further reads reject.
 *
 * @example
 * const answer = await request(url, { dispatcher });
 * return new BufferedResponse(new Uint8Array(await answer.body.arrayBuffer()), { status: answer.statusCode, headers });
 */
export class BufferedResponse extends NativeResponse {
  #bytes: Uint8Array<ArrayBuffer>;
  #real: Response | undefined;
  #read = false;

  constructor(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  /** The same answer as a stream-backed Response, made once; already read if a fast read took the body. */
  #stream(): Response {
    if (!this.#real) {
      this.#real = new NativeResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
      if (this.#read) this.#real.arrayBuffer().catch(() => undefined);
    }
    return this.#real;
  }

  #take(method: BodyRead): Promise<never> {
    if (this.#real) return (this.#real[method] as () => Promise<never>)();
    if (this.#read) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#read = true;
    try {
      const bytes = this.#bytes;
      const value = method === 'text' ? decoder.decode(bytes)
        : method === 'json' ? JSON.parse(decoder.decode(bytes)) as unknown
          : method === 'bytes' ? bytes.slice() : bytes.slice().buffer;
      return Promise.resolve(value as never);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  static {
    // Defined on the prototype rather than as class members: the DOM typings declare these as
    // plain properties, which a subclass may not redeclare as accessors.
    const prototype = BufferedResponse.prototype;
    Object.defineProperties(prototype, {
      body: { configurable: true, get(this: BufferedResponse) { return this.#stream().body; } },
      bodyUsed: { configurable: true, get(this: BufferedResponse) { return this.#real ? this.#real.bodyUsed : this.#read; } },
      text: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#take('text'); } },
      json: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#take('json'); } },
      arrayBuffer: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#take('arrayBuffer'); } },
      bytes: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#take('bytes'); } },
      blob: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#stream().blob(); } },
      formData: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#stream().formData(); } },
      clone: { configurable: true, writable: true, value(this: BufferedResponse) { return this.#stream().clone(); } },
    });
  }
}
