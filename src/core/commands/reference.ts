import { readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_PREFIX, t } from "../../i18n";
import type { CommandRegistry } from "./registry";

const ROLE_LABEL = { member: "everyone", moderator: "moderators", admin: "admins" } as const;
export const REFERENCE_START = "<!-- commands:start -->";
export const REFERENCE_END = "<!-- commands:end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|");

/**
 * The README's command reference as a Markdown table, built from the registry so the
 * documentation cannot drift from the code (a test compares it with README.md).
 */
export function commandReference(registry: CommandRegistry): string {
  const rows = registry
    .list()
    .map(
      (c) =>
        `| \`${DEFAULT_PREFIX} ${cell(t("en", c.usage))}\` | ${cell(t("en", c.summary))} | ${ROLE_LABEL[c.permission]} | \`${DEFAULT_PREFIX} ${cell(t("en", c.example))}\` |`,
    );
  return ["| command | what it does | who | example |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** Replaces the reference between the markers in a README text. */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error("README.md has no command reference markers");
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${reference}\n${readme.slice(end)}`;
}

/** `npm run docs`: rewrites the command reference in README.md. */
export function writeReference(path: string, registry: CommandRegistry): void {
  writeFileSync(path, withReference(readFileSync(path, "utf8"), commandReference(registry)));
}
