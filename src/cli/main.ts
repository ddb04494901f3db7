#!/usr/bin/env node
// The `altegio` command: configuration, the command tree, and exit codes (0 ok, 1 API or network failed,
// 2 usage or input error before sending, 130 interrupted).
import { Command, CommanderError } from "commander";
import { VERSION } from "../index.js";
import { apiCommand } from "./api.js";
import { categoriesTreeCommand } from "./categories-tree.js";
import { EXIT, reportError } from "./exit.js";
import { mockCommand } from "./mock.js";
import { productsExportCommand } from "./products-export.js";
import { productsImportCommand } from "./products-import.js";

const ENVIRONMENT = `
Environment (flags override):
  ALTEGIO_PARTNER_TOKEN   your partner token (required)
  ALTEGIO_USER_TOKEN      a user token, or:
  ALTEGIO_LOGIN           login and password to get one (--login)
  ALTEGIO_PASSWORD
  ALTEGIO_BASE_URL        API base URL (--base-url), default https://api.alteg.io/api/v1
  ALTEGIO_LOCATION_ID     the location to work on (--location)
  ALTEGIO_RATE_LIMIT      client-side limit (--rate-limit), default 5/s,200/min

Exit codes: 0 done, 1 the API or the network failed, 2 usage or input error (nothing sent),
130 stopped by Ctrl-C.`;

/** The command tree. */
function program(): Command {
  const root = new Command("altegio")
    .description(
      "Altegio B2B API from the command line: raw calls, catalog export and import, a local mock.",
    )
    .version(VERSION)
    .option("--base-url <url>", "API base URL [ALTEGIO_BASE_URL]")
    .option("-l, --location <id>", "location id [ALTEGIO_LOCATION_ID]")
    .option("--login <login>", "login for a user token, with ALTEGIO_PASSWORD [ALTEGIO_LOGIN]")
    .option("--rate-limit <limit>", "off, N/s, N/min or N/s,M/min [ALTEGIO_RATE_LIMIT]")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .addHelpText(
      "after",
      `
Examples:
  $ altegio mock &                      # a local server; prints ALTEGIO_* settings
  $ altegio api GET /companies --query my=1
  $ altegio products export --format csv --output products.csv
  $ altegio products import supplier.csv --dry-run
  $ altegio categories tree
${ENVIRONMENT}`,
    );
  root.addCommand(apiCommand());
  const products = new Command("products")
    .description("Export and import the location's products")
    .addHelpText(
      "after",
      `
Examples:
  $ altegio products export --format csv --output products.csv
  $ altegio products import supplier.csv --dry-run`,
    );
  products.addCommand(productsExportCommand()).addCommand(productsImportCommand());
  root.addCommand(products);
  const categories = new Command("categories")
    .description("The location's product categories")
    .addHelpText("after", "\nExamples:\n  $ altegio categories tree --json");
  categories.addCommand(categoriesTreeCommand());
  root.addCommand(categories);
  root.addCommand(mockCommand());
  root.exitOverride();
  inheritSettings(root);
  return root;
}

// addCommand() does not pass settings down, and every level must throw instead of exiting for the codes below.
function inheritSettings(command: Command): void {
  for (const sub of command.commands) {
    sub.copyInheritedSettings(command);
    inheritSettings(sub);
  }
}

/** Runs the command line; resolves with the exit code. */
async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    // Commander has already printed its message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return reportError(error);
  }
}

// A closed pipe (`altegio … | head`) is a normal way for a reader to say it has enough.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  throw error;
});

process.exitCode = await main(process.argv);
