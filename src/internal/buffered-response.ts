const decoder = new TextDecoder();
const EMPTY = new ArrayBuffer(0);

/**
 * A Response whose body has already been read into memory by the attempt loop. The common reads (`text`, `json`,
 * `arrayBuffer`, `bytes`, `blob`) are served from the bytes directly: copying them into a fresh `new Response(bytes)`
 * and streaming them out again cost more than the rest of the client's per-call work together. Anything else
 * (`body`, `formData`, `clone` after a read) goes through a real Response over the same bytes, so the platform's
 * semantics hold, including "a body can be read once".
 *
 * It is a Response by prototype (`instanceof Response` holds) without running the platform constructor, whose
 * empty Response nothing would ever read yet cost about 1% of a call. So every member of `Response.prototype` is
 * implemented here; a test checks that none is left to the platform's brand-checked getters.
 */
export interface BufferedResponse extends Response {}
export class BufferedResponse {
  readonly #source: Response;
  readonly #headers: Headers;
  readonly #bytes: ArrayBuffer | null;
  readonly #url: string;
  #used = false;
  #real: Response | undefined;

  /**
   * `source` is the answer whose body was read into `bytes`; its status and headers are served as they are. `url`
   * stands in when the source has none (a Response made by an injected fetch).
   */
  constructor(source: Response, bytes: ArrayBuffer | null, url: string, headers = source.headers) {
    this.#source = source;
    this.#headers = headers;
    this.#bytes = bytes;
    this.#url = url;
  }

  get status(): number {
    return this.#source.status;
  }

  get ok(): boolean {
    return this.#source.ok;
  }

  get statusText(): string {
    return this.#source.statusText;
  }

  get headers(): Headers {
    return this.#headers;
  }

  get redirected(): boolean {
    return this.#source.redirected;
  }

  get type(): ResponseType {
    return this.#source.type;
  }

  get url(): string {
    // Read on demand: Response.url serializes the URL on every read, and most callers never ask.
    return this.#source.url || this.#url;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes === null ? null : this.#materialize().body;
  }

  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  text(): Promise<string> {
    return this.#read((bytes) => decoder.decode(bytes));
  }

  json(): Promise<any> {
    return this.#read((bytes) => JSON.parse(decoder.decode(bytes)) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read((bytes) => bytes.slice(0));
  }

  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#read((bytes) => new Uint8Array(bytes.slice(0)));
  }

  blob(): Promise<Blob> {
    const type = this.headers.get("content-type") ?? "";
    return this.#read((bytes) => new Blob([bytes], { type }));
  }

  formData(): Promise<FormData> {
    return this.#materialize().formData();
  }

  /** The body as a stream of strings, where the runtime's Response has this read (Bun and Deno do). */
  textStream(): ReadableStream<string> {
    const real = this.#materialize() as Response & { textStream?(): ReadableStream<string> };
    if (real.textStream) return real.textStream();
    if (!real.body)
      return new ReadableStream<string>({ start: (controller) => controller.close() });
    return real.body.pipeThrough(new TextDecoderStream());
  }

  clone(): Response {
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

Object.setPrototypeOf(BufferedResponse.prototype, Response.prototype);
