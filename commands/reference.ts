import { t } from "../src/i18n";
import type { CommandRegistry } from "./registry";

const ROLE_LABEL = { member: "everyone", moderator: "moderators", admin: "admins" } as const;

/**
 * The README's command reference as a Markdown table, built from the registry so the
 * documentation cannot drift from the code (a test compares it with README.md).
 */
export function commandReference(registry: CommandRegistry): string {
  const rows = registry
    .list()
    .map(
      (c) =>
        `| \`/cop ${t("en", c.usage).replace(/\|/g, "\\|")}\` | ${t("en", c.summary)} | ${ROLE_LABEL[c.permission]} | \`/cop ${c.example.replace(/\|/g, "\\|")}\` |`,
    );
  return ["| command | what it does | who | example |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
