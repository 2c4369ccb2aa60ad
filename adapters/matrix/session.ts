import fs from "node:fs";
import path from "node:path";
import { MatrixAuth } from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import { z } from "zod";
import type { MatrixConfig } from "./config";
import { ConfigError } from "../../src/core/errors";

const SessionSchema = z.object({
  homeserverUrl: z.string(),
  userId: z.string(),
  accessToken: z.string().min(1),
});
type Session = z.infer<typeof SessionSchema>;

const DEVICE_NAME = "copbot";

function readSession(file: string): Session | undefined {
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The access token to use: `MATRIX_ACCESS_TOKEN` when set; otherwise the token stored under
 * `<dir>/session.json` by an earlier login; otherwise copbot logs in once with
 * `MATRIX_USER_ID` + `MATRIX_PASSWORD` and stores the token (readable by the owner only), so
 * the password is needed only for the first start and no new device appears on every restart.
 */
export async function accessTokenFor(
  config: MatrixConfig,
  dir: string | undefined,
  log: Logger,
): Promise<string> {
  if (config.accessToken !== undefined) return config.accessToken;
  const { userId, password } = config;
  if (userId === undefined || password === undefined) {
    throw new ConfigError(
      "MATRIX_ACCESS_TOKEN: required (or MATRIX_USER_ID and MATRIX_PASSWORD to log in once)",
    );
  }
  const file = dir === undefined ? undefined : path.join(dir, "session.json");
  const stored = file === undefined ? undefined : readSession(file);
  if (stored && stored.homeserverUrl === config.homeserverUrl && stored.userId === userId)
    return stored.accessToken;
  return login(config.homeserverUrl, userId, password, file, log);
}

/**
 * Logs in once more with `MATRIX_USER_ID` + `MATRIX_PASSWORD`, which gives copbot a new device,
 * and stores the new token. Undefined when copbot runs on a configured access token or has no
 * password: then it cannot make a new device by itself.
 */
export async function loginAgain(
  config: MatrixConfig,
  dir: string | undefined,
  log: Logger,
): Promise<string | undefined> {
  const { userId, password } = config;
  if (config.accessToken !== undefined || userId === undefined || password === undefined) return undefined;
  return login(
    config.homeserverUrl,
    userId,
    password,
    dir === undefined ? undefined : path.join(dir, "session.json"),
    log,
  );
}

async function login(
  homeserverUrl: string,
  userId: string,
  password: string,
  file: string | undefined,
  log: Logger,
): Promise<string> {
  const client = await new MatrixAuth(homeserverUrl).passwordLogin(userId, password, DEVICE_NAME);
  if (file !== undefined) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const session: Session = { homeserverUrl, userId, accessToken: client.accessToken };
    fs.writeFileSync(file, JSON.stringify(session), { mode: 0o600 });
    log.info({ userId }, "logged in to Matrix, token stored");
  }
  return client.accessToken;
}
