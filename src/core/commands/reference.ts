import { readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_PREFIX, t } from "../../i18n";
import { PERMISSIONS, STANDINGS, type Access } from "../../permissions";
import type { CommandRegistry } from "./registry";

const ROLE_LABEL = { member: "everyone", moderator: "moderators", admin: "admins" } as const;
export const REFERENCE_START = "<!-- commands:start -->";
export const REFERENCE_END = "<!-- commands:end -->";
export const PERMISSIONS_START = "<!-- permissions:start -->";
export const PERMISSIONS_END = "<!-- permissions:end -->";
const CELL: Readonly<Record<Access, string>> = { yes: "✓", own: "own", no: "–" };
const STANDING_LABEL = {
  admin: "admin",
  moderator: "moderator",
  facilitator: "group facilitator",
  member: "member / group member",
  outsider: "not in the group",
} as const;

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

/**
 * The README's permission table as Markdown, built from `src/permissions.ts` (the table the
 * commands use), so the documentation cannot drift from the checks.
 */
export function permissionReference(registry: CommandRegistry): string {
  const rows = Object.entries(PERMISSIONS).map(([action, cells]) => {
    const name = registry.get(action) ? `\`${DEFAULT_PREFIX} ${action}\`` : `\`${action}\``;
    return `| ${name} | ${STANDINGS.map((s) => CELL[cells[s]]).join(" | ")} |`;
  });
  return [
    `| command | ${STANDINGS.map((s) => STANDING_LABEL[s]).join(" | ")} |`,
    `| --- | ${STANDINGS.map(() => ":---:").join(" | ")} |`,
    ...rows,
  ].join("\n");
}

/** Replaces what stands between two markers in a README text. */
function between(readme: string, startMarker: string, endMarker: string, body: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md has no ${startMarker} … ${endMarker} markers`);
  return `${readme.slice(0, start + startMarker.length)}\n${body}\n${readme.slice(end)}`;
}

/** Replaces the command reference and the permission table between their markers in a README text. */
export function withReference(readme: string, registry: CommandRegistry): string {
  const commands = between(readme, REFERENCE_START, REFERENCE_END, commandReference(registry));
  return between(commands, PERMISSIONS_START, PERMISSIONS_END, permissionReference(registry));
}

/** `npm run docs`: rewrites the command reference and the permission table in README.md. */
export function writeReference(path: string, registry: CommandRegistry): void {
  writeFileSync(path, withReference(readFileSync(path, "utf8"), registry));
}
