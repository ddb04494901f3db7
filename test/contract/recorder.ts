// A fetch wrapper that records every exchange, so a test can prove Prism accepted each request the client sent.

/** One request the client sent and what Prism answered. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  /** Prism's `sl-violations` header: request or response violations it found (null when none). */
  violations: string | null;
  /** The problem+json body Prism answers with when it rejects a request. */
  problem?: unknown;
}

export interface Recorder {
  fetch: typeof fetch;
  exchanges: Exchange[];
  /** One line per exchange Prism objected to: a status ≥ 400, problem+json, or an `sl-violations` header. */
  rejections(): string[];
  clear(): void;
}

export function createRecorder(): Recorder {
  const exchanges: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    const contentType = response.headers.get("content-type") ?? "";
    const exchange: Exchange = {
      method: request.method,
      url: request.url,
      status: response.status,
      contentType,
      violations: response.headers.get("sl-violations"),
    };
    if (contentType.includes("problem+json")) {
      exchange.problem = await response
        .clone()
        .json()
        .catch(() => "(unreadable)");
    }
    exchanges.push(exchange);
    return response;
  };
  return {
    fetch: recording,
    exchanges,
    rejections: () =>
      exchanges
        .filter(
          (e) => e.status >= 400 || e.violations !== null || e.contentType.includes("problem"),
        )
        .map(
          (e) =>
            `${e.method} ${e.url} → ${e.status}` +
            (e.violations ? ` sl-violations: ${e.violations}` : "") +
            (e.problem !== undefined ? ` ${JSON.stringify(e.problem)}` : ""),
        ),
    clear: () => exchanges.splice(0),
  };
}
