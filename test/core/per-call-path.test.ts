import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../../src/internal/buffered-response.js";
import { createDeadlines } from "../../src/internal/deadlines.js";
import { operationTable, relativePath } from "../../src/internal/operations.js";

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const source = (status = 200) =>
  new Response(null, {
    status,
    statusText: "Fine",
    headers: { "content-type": "application/json" },
  });

describe("BufferedResponse", () => {
  it("serves the bytes through every read, once, like a platform Response", async () => {
    const r = new BufferedResponse(source(201), bytes('{"a":1}'), "http://x/y");
    expect(r).toBeInstanceOf(Response);
    expect([r.status, r.ok, r.statusText, r.url, r.headers.get("content-type")]).toEqual([
      201,
      true,
      "Fine",
      "http://x/y",
      "application/json",
    ]);
    expect(r.bodyUsed).toBe(false);
    expect(await r.clone().json()).toEqual({ a: 1 });
    expect(await r.clone().arrayBuffer()).toEqual(bytes('{"a":1}'));
    expect(await (await r.clone().blob()).text()).toBe('{"a":1}');
    expect(await new Response(r.clone().body).text()).toBe('{"a":1}');
    expect(await r.text()).toBe('{"a":1}');
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
  });

  it("rejects bad JSON and has no body for bodiless statuses", async () => {
    await expect(new BufferedResponse(source(), bytes("nope"), "u").json()).rejects.toThrow(
      SyntaxError,
    );
    const empty = new BufferedResponse(source(204), null, "u");
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe("");
  });

  it("reads through the stream after the stream was taken", async () => {
    const r = new BufferedResponse(source(), bytes("abc"), "u");
    const reader = r.body!.getReader();
    expect(r.bodyUsed).toBe(false);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("abc");
    reader.releaseLock();
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
  });
});

describe("shared attempt deadlines", () => {
  it("expire in deadline order, a shorter one after a longer one included, and never when released", async () => {
    const watch = createDeadlines();
    const fired: string[] = [];
    const done = new Promise<void>((resolve) => {
      watch(60, () => {
        fired.push("60 ms");
        resolve();
      });
    });
    const cancel = watch(30, () => fired.push("30 ms, released"));
    watch(5, () => fired.push("5 ms"));
    cancel();
    await done;
    expect(fired).toEqual(["5 ms", "60 ms"]);
  });
});

describe("relativePath", () => {
  it("strips the base path, the query and the fragment", () => {
    expect(relativePath("http://h:1/api/v1/goods/1?x=%2F/y#f", "/api/v1")).toBe("/goods/1");
    expect(relativePath("https://h/api/v1", "/api/v1")).toBe("/");
    expect(relativePath("http://h/a%20b/c", "")).toBe("/a%20b/c");
  });
});

describe("BufferedResponse is a whole Response", () => {
  // It never runs the platform constructor, so a member it does not implement would hit a brand check; a runtime
  // that adds one to Response fails here first.
  it("implements every member of Response.prototype itself", () => {
    const platform = Object.getOwnPropertyNames(Response.prototype).filter(
      (name) => name !== "constructor",
    );
    const own = Object.getOwnPropertyNames(BufferedResponse.prototype);
    expect(platform.filter((name) => !own.includes(name))).toEqual([]);
  });

  it("answers every getter and prints like a Response", () => {
    const r = new BufferedResponse(source(404), bytes("x"), "http://x/y");
    expect(r).toBeInstanceOf(Response);
    expect(Object.prototype.toString.call(r)).toBe("[object Response]");
    expect([r.type, r.redirected, r.ok, r.status]).toEqual(["default", false, false, 404]);
    expect(() => String(r)).not.toThrow();
  });

  it("streams its text where the platform has no textStream (Bun and Deno have one)", async () => {
    const read = async (stream: ReadableStream<string>) => {
      let text = "";
      for await (const chunk of stream as unknown as AsyncIterable<string>) text += chunk;
      return text;
    };
    expect(await read(new BufferedResponse(source(), bytes("héllo"), "u").textStream())).toBe(
      "héllo",
    );
    expect(await read(new BufferedResponse(source(204), null, "u").textStream())).toBe("");
  });
});

describe("operation tables", () => {
  it("answer the same from their cache, past its bound too, and let literal look-alikes win", () => {
    const table = operationTable(
      [[["GET", "/goods/{location_id}/{id}"], "goods"] as const],
      [["GET", "/goods/search/{id}"]],
    );
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3000; i++) expect(table("GET", `/goods/1/${i}`)).toBe("goods");
    }
    for (let round = 0; round < 2; round++) {
      expect(table("GET", "/goods/search/1")).toBeUndefined();
      expect(table("GET", "/goods//1")).toBeUndefined();
      expect(table("PUT", "/goods/1/2")).toBeUndefined();
    }
  });
});
