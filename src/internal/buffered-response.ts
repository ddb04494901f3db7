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
  readonly #source: Response;
  readonly #headers: Headers;
  readonly #bytes: ArrayBuffer | null;
  readonly #url: string;
  #used = false;
  #real: Response | undefined;

  /** `source` is the answer whose body was read into `bytes`; its status and headers are served as they are. */
  constructor(source: Response, bytes: ArrayBuffer | null, url: string, headers = source.headers) {
    super(null);
    this.#source = source;
    this.#headers = headers;
    this.#bytes = bytes;
    this.#url = url;
  }

  override get status(): number {
    return this.#source.status;
  }

  override get ok(): boolean {
    return this.#source.ok;
  }

  override get statusText(): string {
    return this.#source.statusText;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get redirected(): boolean {
    return this.#source.redirected;
  }

  override get type(): ResponseType {
    return this.#source.type;
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
    return new BufferedResponse(this.#source, this.#bytes, this.#url, this.#headers);
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
