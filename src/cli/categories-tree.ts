// `altegio categories tree`: the location's product categories as an indented tree, or as JSON.
import { Command } from "commander";
import type { CategoryTreeNode } from "../index.js";
import { clientFrom, locationFrom, type GlobalOptions } from "./config.js";
import { openOutput } from "./output.js";

export function categoriesTreeCommand(): Command {
  return new Command("tree")
    .description("Print the location's product categories as a tree (title and id per line)")
    .option("--json", "print the tree as JSON: [{ id, title, parent_id, children }]")
    .addHelpText(
      "after",
      `
Examples:
  $ altegio categories tree
  $ altegio categories tree --json > categories.json`,
    )
    .action(async (options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const loc = clientFrom(globals).location(locationFrom(globals));
      const tree = await loc.productCategories.tree();
      const out = openOutput();
      await out.write(options.json ? `${JSON.stringify(tree, null, 2)}\n` : renderTree(tree));
    });
}

/** One line per category, children drawn under their parent. */
function renderTree(nodes: CategoryTreeNode[], prefix = "", top = true): string {
  return nodes
    .map((node, i) => {
      const last = i === nodes.length - 1;
      const branch = top ? "" : last ? "└── " : "├── ";
      const below = top ? "" : last ? "    " : "│   ";
      return (
        `${prefix}${branch}${node.title} (${node.id})\n` +
        renderTree(node.children, prefix + below, false)
      );
    })
    .join("");
}
