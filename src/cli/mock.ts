// `altegio mock`: the embedded mock as a standalone server, for trying the API from any language.
import { Command } from "commander";
import { AltegioInputError } from "../index.js";
import { intFlag } from "./config.js";

interface MockOptions {
  port: string;
  products?: string;
}

export function mockCommand(): Command {
  return new Command("mock")
    .summary("Run the embedded local Altegio server")
    .description(
      "Run the embedded local Altegio server on 127.0.0.1 until Ctrl-C. Prints its settings on stdout as ALTEGIO_* variables (base URL and the default, public test credentials).",
    )
    .option("--port <n>", "TCP port (0 picks a free one)", "4010")
    .option(
      "--products <n>",
      "generate this many products in location 101 (default: the small default seed)",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ altegio mock
  $ altegio mock --port 0 --products 2000 > mock.env   # then: set -a; . ./mock.env; set +a`,
    )
    .action(async (options: MockOptions) => {
      const port = intFlag("--port", options.port, 0);
      if (port > 65535) throw new AltegioInputError(`--port must be at most 65535, got ${port}`);
      const products =
        options.products === undefined ? undefined : intFlag("--products", options.products, 0);
      const mock = await import("../mock/index.js");
      const server = await mock.startMockServer({
        port,
        ...(products === undefined ? {} : { seed: mock.realisticSeed({ products }) }),
      });
      const c = mock.DEFAULT_CREDENTIALS;
      process.stdout.write(
        [
          `ALTEGIO_BASE_URL=${server.url}`,
          `ALTEGIO_PARTNER_TOKEN=${c.partnerToken}`,
          `ALTEGIO_USER_TOKEN=${c.userToken}`,
          `ALTEGIO_LOGIN=${c.login}`,
          `ALTEGIO_PASSWORD=${c.password}`,
          `ALTEGIO_LOCATION_ID=${c.locationIds[0]}`,
          "",
        ].join("\n"),
      );
      process.stderr.write(`altegio mock: listening on ${server.url} (Ctrl-C stops it)\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.close();
      process.stderr.write("altegio mock: stopped\n");
    });
}
