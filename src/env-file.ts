import { existsSync, readFileSync } from "node:fs";
import { parse } from "dotenv";
import { ConfigError } from "./core/errors";

const LINE = /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/;

/**
 * Reads `.env` into `env` without overriding variables that are already set. dotenv skips
 * lines it cannot read; we refuse them instead, so a typo never silently drops a setting.
 */
export function loadEnvFile(path: string, env: NodeJS.ProcessEnv): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, "utf8");
  let inQuote = false;
  text.split(/\r?\n/).forEach((line, index) => {
    if (inQuote) {
      if (/^[^"]*"\s*(#.*)?$/.test(line)) inQuote = false;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (!LINE.test(line)) {
      // The line is not repeated: it may hold a secret.
      throw new ConfigError(`${path} line ${index + 1}: expected NAME=value`);
    }
    const value = line.slice(line.indexOf("=") + 1).trim();
    if (value.startsWith('"') && (value.match(/"/g) ?? []).length === 1) inQuote = true;
  });
  for (const [key, value] of Object.entries(parse(text))) {
    if (env[key] === undefined) env[key] = value;
  }
}
