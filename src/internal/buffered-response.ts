const decoder = new TextDecoder();
const EMPTY = new ArrayBuffer(0);

/**
 * A Response whose body has already been read into memory by the attempt loop. The common reads (`text`, `json`,
 * `arrayBuffer`, `bytes`, `blob`) are served from the bytes directly: copying them into a fresh `new Response(bytes)`
 * and streaming them out again cost more than the rest of the client's per-call work together. Anything else
 * (`body`, `formData`, `clone` after a read) goes through a real Response over the same bytes, so the platform's
 * semantics hold, including "a body can be read once".
 */
export class BufferedResponse extends Response {
  readonly #bytes: ArrayBuffer | null;
  readonly #url: string;
  #used = false;
  #real: Response | undefined;

  constructor(bytes: ArrayBuffer | null, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes === null ? null : this.#materialize().body;
  }

  override get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  override text(): Promise<string> {
    return this.#read((bytes) => decoder.decode(bytes));
  }

  override json(): Promise<any> {
    return this.#read((bytes) => JSON.parse(decoder.decode(bytes)) as unknown);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read((bytes) => bytes.slice(0));
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#read((bytes) => new Uint8Array(bytes.slice(0)));
  }

  override blob(): Promise<Blob> {
    const type = this.headers.get("content-type") ?? "";
    return this.#read((bytes) => new Blob([bytes], { type }));
  }

  override formData(): Promise<FormData> {
    return this.#materialize().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    const { status, statusText, headers } = this;
    return new BufferedResponse(this.#bytes, { status, statusText, headers }, this.#url);
  }

  #read<T>(decode: (bytes: ArrayBuffer) => T): Promise<T> {
    if (this.#real) {
      // Someone took the stream (or formData); from now on the real Response decides.
      return this.#real.arrayBuffer().then(decode);
    }
    if (this.#used)
      return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#used = true;
    try {
      return Promise.resolve(decode(this.#bytes ?? EMPTY));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #materialize(): Response {
    if (!this.#real) {
      this.#real = new Response(this.#bytes);
      // Already read through the fast path: the stream must look consumed too.
      if (this.#used) void this.#real.body?.cancel();
    }
    return this.#real;
  }
}
