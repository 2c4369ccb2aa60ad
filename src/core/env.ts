import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "./errors";

/** Names of variables whose values are secrets: never repeated in a message or a log. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSPHRASE|KEY/;
const FILE_SUFFIX = "_FILE";

/** True when the variable holds a secret (a token, a password, a signing secret …). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Secrets shorter than this are not scrubbed from text: they would match ordinary words. */
const MIN_SECRET = 6;

/** The values of every secret variable in `env`, to scrub them from logs and messages. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => isSecretName(name) && !name.endsWith(FILE_SUFFIX) && value !== undefined)
    .map(([, value]) => (value ?? "").trim())
    .filter((value) => value.length >= MIN_SECRET);
}

/** `text` with every occurrence of a secret replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

/**
 * Reads secrets given as files (Docker and Kubernetes secrets): for every secret variable
 * `NAME`, `NAME_FILE` names a file whose content (surrounding whitespace dropped) becomes
 * `NAME`. Setting both is refused, as is a file that cannot be read; neither error shows the
 * secret. Returns a new environment; `env` is not changed.
 */
export function withSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const resolved: NodeJS.ProcessEnv = { ...env };
  for (const [key, path] of Object.entries(env)) {
    if (!key.endsWith(FILE_SUFFIX) || path === undefined || path.trim() === "") continue;
    const name = key.slice(0, -FILE_SUFFIX.length);
    if (!isSecretName(name)) continue;
    if ((env[name] ?? "").trim() !== "") {
      throw new ConfigError(`${name}: set either ${name} or ${key}, not both`);
    }
    try {
      resolved[name] = readFileSync(path.trim(), "utf8").trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new ConfigError(`${key}: cannot read the file ${path.trim()} (${code})`);
    }
  }
  return resolved;
}

/** An optional setting: surrounding spaces dropped, an empty value counts as unset. */
export const envString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === "" ? undefined : s));

/** A comma-separated list, items trimmed, empty items dropped. */
export const envList = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** A TCP port number. */
export const envPort = z.coerce.number().int().min(1).max(65535);

/** At most this much of a refused (non-secret) value is repeated in the message. */
const SHOWN = 60;

/**
 * Parses environment variables with a zod schema; the first problem becomes a one-line
 * `ConfigError` that names the variable and says what is allowed. What was given is shown
 * (shortened) for ordinary settings, never for a secret.
 */
export function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const given = String(env[name] ?? "").replace(/\s+/g, " ");
  const shown = given.length > SHOWN ? `${given.slice(0, SHOWN)}…` : given;
  const got = isSecretName(name) ? "" : ` (got "${shown}")`;
  throw new ConfigError(`${name}: ${issue?.message ?? "invalid"}${got}`);
}
