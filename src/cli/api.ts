// `altegio api METHOD PATH`: any operation of the spec, checked before sending; prints the answer's `data`.
import { Command } from "commander";
import {
  AltegioError,
  AltegioInputError,
  fromResponse,
  paginate,
  type AltegioClient,
} from "../index.js";
import { buildRequest, type ApiRequest } from "./api-request.js";
import { clientFrom, locationFrom, readInput, type GlobalOptions } from "./config.js";
import { openOutput } from "./output.js";
import { Progress } from "./progress.js";

const collectAll = (value: string, previous: string[]) => [...previous, value];

export function apiCommand(): Command {
  return new Command("api")
    .summary("Call any operation of the API and print its data as JSON")
    .description(
      "Call any operation of the API and print the answer's `data` as JSON. PATH is a path template of the API description (`{location_id}` is filled in from the location) or a concrete path; an unknown path or a bad parameter is refused before anything is sent.",
    )
    .argument("<method>", "GET, POST, PUT, PATCH or DELETE")
    .argument("<path>", "e.g. /goods/{location_id} or /goods/101/5")
    .option("-q, --query <key=value>", "a query parameter (repeatable)", collectAll, [])
    .option(
      "-F, --field <key=value>",
      "a body field; the value is JSON when it parses as JSON (repeatable)",
      collectAll,
      [],
    )
    .option(
      "-f, --raw-field <key=value>",
      "a body field whose value is always a string (repeatable)",
      collectAll,
      [],
    )
    .option("--input <file>", "the request body as JSON, from a file or - for stdin")
    .option("--paginate", "walk every page of a list and print one JSON array")
    .addHelpText(
      "after",
      `
Examples:
  $ altegio api GET /companies --query my=1
  $ altegio api GET /goods/{location_id} --paginate
  $ altegio api GET /goods/101/5
  $ altegio api POST /goods_categories/{location_id} --raw-field title="Hair care" --field parent_category_id=0
  $ altegio api PUT /goods/101/5 --input product.json`,
    )
    .action(async (method: string, path: string, options: ApiOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const request = await buildRequest({
        method,
        path,
        query: options.query,
        fields: options.field,
        rawFields: options.rawField,
        ...(options.input !== undefined ? { body: readJson(options.input) } : {}),
        paginate: options.paginate === true,
        location: () => locationFrom(globals),
      });
      const client = clientFrom(globals);
      const out = openOutput();
      const data = options.paginate
        ? await allPages(client, request, new Progress("api", "items", Progress.enabled(globals)))
        : await send(client, request, request.query);
      if (data !== undefined) await out.write(`${JSON.stringify(data, null, 2)}\n`);
    });
}

interface ApiOptions {
  query: string[];
  field: string[];
  rawField: string[];
  input?: string;
  paginate?: boolean;
}

function readJson(file: string): unknown {
  const text = readInput("--input", file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AltegioInputError(`--input ${file}: not valid JSON (${(error as Error).message})`);
  }
}

async function allPages(
  client: AltegioClient,
  request: ApiRequest,
  progress: Progress,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const pages = paginate<unknown>({
    pageSize: request.pageSize,
    // Generic items have no known id; a repeated item (an offset shift) is recognised by its whole content.
    key: (item) => JSON.stringify(item),
    fetchPage: async ({ page, count }) => {
      const query = new URLSearchParams(request.query);
      query.set("page", String(page));
      if (request.pageSizeParam) query.set(request.pageSizeParam, String(count));
      const data = await send(client, request, query);
      if (!Array.isArray(data)) {
        throw new AltegioError(
          `--paginate: page ${page} of ${request.operation.method} ${request.operation.template} is not a list`,
        );
      }
      return { items: data };
    },
  });
  for await (const item of pages) {
    items.push(item);
    progress.update(items.length);
  }
  progress.clear();
  return items;
}

interface TextResult {
  data?: string;
  error?: string;
  response: Response;
}

/** Sends the request; returns the envelope's `data` (or the whole JSON when it is no envelope, undefined when empty). */
async function send(
  client: AltegioClient,
  request: ApiRequest,
  query: URLSearchParams,
): Promise<unknown> {
  const raw = client.raw as unknown as {
    request(method: string, url: string, init: object): Promise<TextResult>;
  };
  const search = query.toString();
  const { data, error, response } = await raw.request(
    request.method,
    search ? `${request.path}?${search}` : request.path,
    { parseAs: "text", ...(request.body !== undefined ? { body: request.body } : {}) },
  );
  const text = (response.ok ? data : error) ?? "";
  let body: unknown = text;
  try {
    if (text !== "") body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text, and refused below when the status says success.
  }
  const envelope =
    typeof body === "object" && body !== null && !Array.isArray(body) && "success" in body;
  const failed =
    !response.ok ||
    (envelope && (body as { success: unknown }).success !== true) ||
    (typeof body === "string" && text !== "");
  if (failed) {
    throw fromResponse({
      status: response.status,
      method: request.method,
      url: response.url,
      body,
      headers: response.headers,
    });
  }
  if (text === "") return undefined;
  return envelope ? (body as { data?: unknown }).data : body;
}
