import { z } from "zod";
import { envList, envString, parseEnv } from "../../src/core/env";
import { ConfigError } from "../../src/core/errors";

export interface MatrixConfig {
  readonly homeserverUrl: string;
  readonly accessToken?: string;
  readonly userId?: string;
  readonly password?: string;
  readonly spaceId?: string;
  readonly communityRoomId?: string;
  readonly autojoin: readonly string[];
  /** Homeservers whose users copbot listens to; empty: every server (`MATRIX_ALLOWED_SERVERS`). */
  readonly allowedServers?: readonly string[];
  /** Turns end-to-end encryption on and protects its keys on disk. */
  readonly cryptoPassphrase?: string;
  /**
   * Events that reach copbot later than this after they happened (a restart, an outage) are not
   * handled any more; the moderators get one summary of them instead.
   */
  readonly catchUpHours?: number;
}

/** How late an event may still be handled when `MATRIX_CATCHUP_HOURS` is not set. */
export const DEFAULT_CATCHUP_HOURS = 24;
/** At most a week: copbot forgets handled event ids after that and could handle one twice. */
const MAX_CATCHUP_HOURS = 7 * 24;
const HOURS = `a whole number of hours from 0 to ${MAX_CATCHUP_HOURS}, e.g. 24`;

/** The `MATRIX_*` variables; `.env.example` documents each one. */
const MatrixEnv = z.object({
  MATRIX_HOMESERVER_URL: z.url().optional(),
  MATRIX_ACCESS_TOKEN: envString,
  MATRIX_USER_ID: envString.refine(
    (v) => v === undefined || /^@[^:]+:.+$/.test(v),
    "a Matrix user id like @copbot:example.org",
  ),
  MATRIX_PASSWORD: envString,
  MATRIX_SPACE_ID: envString,
  MATRIX_COMMUNITY_ROOM_ID: envString,
  MATRIX_AUTOJOIN: envList,
  MATRIX_ALLOWED_SERVERS: envList.refine(
    (servers) => servers.every((s) => /^[A-Za-z0-9.-]+(:\d+)?$/.test(s)),
    "server names like example.org, comma-separated",
  ),
  MATRIX_CRYPTO_PASSPHRASE: envString.refine(
    (v) => v === undefined || v.length >= 12,
    "a passphrase of at least 12 characters (it protects copbot's encryption keys on disk)",
  ),
  MATRIX_CATCHUP_HOURS: envString.pipe(
    z.coerce
      .number<string | undefined>({ error: HOURS })
      .int(HOURS)
      .min(0, HOURS)
      .max(MAX_CATCHUP_HOURS, `at most ${MAX_CATCHUP_HOURS} hours (a week)`)
      .optional(),
  ),
});

/** Matrix's settings, or undefined without `MATRIX_HOMESERVER_URL`; a `ConfigError` names what is missing. */
export function matrixConfigFromEnv(env: NodeJS.ProcessEnv): MatrixConfig | undefined {
  const e = parseEnv(MatrixEnv, env);
  if (!e.MATRIX_HOMESERVER_URL) return undefined;
  if (!e.MATRIX_ACCESS_TOKEN && !(e.MATRIX_USER_ID && e.MATRIX_PASSWORD)) {
    throw new ConfigError(
      "MATRIX_ACCESS_TOKEN: required (or MATRIX_USER_ID and MATRIX_PASSWORD to log in once)",
    );
  }
  return {
    homeserverUrl: e.MATRIX_HOMESERVER_URL,
    autojoin: e.MATRIX_AUTOJOIN,
    ...(e.MATRIX_ALLOWED_SERVERS.length > 0 ? { allowedServers: e.MATRIX_ALLOWED_SERVERS } : {}),
    ...(e.MATRIX_ACCESS_TOKEN ? { accessToken: e.MATRIX_ACCESS_TOKEN } : {}),
    ...(e.MATRIX_USER_ID ? { userId: e.MATRIX_USER_ID } : {}),
    ...(e.MATRIX_PASSWORD ? { password: e.MATRIX_PASSWORD } : {}),
    ...(e.MATRIX_SPACE_ID ? { spaceId: e.MATRIX_SPACE_ID } : {}),
    ...(e.MATRIX_COMMUNITY_ROOM_ID ? { communityRoomId: e.MATRIX_COMMUNITY_ROOM_ID } : {}),
    ...(e.MATRIX_CRYPTO_PASSPHRASE ? { cryptoPassphrase: e.MATRIX_CRYPTO_PASSPHRASE } : {}),
    ...(e.MATRIX_CATCHUP_HOURS !== undefined ? { catchUpHours: e.MATRIX_CATCHUP_HOURS } : {}),
  };
}
