import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import type { MatrixConfig } from "../config";
import type { Clock } from "../../../src/core/clock";
import type { RetryingMatrixClient } from "../client";
import { errcodeOf } from "../errors";
import { loginAgain } from "../session";
import { CryptoStore } from "./crypto-store";
import { MatrixE2ee } from "./e2ee";
import type { CryptoHttp } from "./outgoing";

/** The sealed crypto state, next to the sync position and the stored login. */
export const CRYPTO_FILE = "crypto.store";

const WhoAmISchema = z.object({ user_id: z.string(), device_id: z.string().optional() });
const DeviceKeysSchema = z.object({
  device_keys: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

/** How encryption came up. */
export interface E2eeStart {
  /** The client to use: a new one when copbot had to log in again for a new device. */
  readonly client: RetryingMatrixClient;
  /** Undefined when encryption could not start: copbot then works as without encryption. */
  readonly e2ee: MatrixE2ee | undefined;
  /** A new device replaced a lost or foreign crypto state: the encrypted rooms are told. */
  readonly renewed: boolean;
}

export interface E2eeStartOptions {
  readonly client: RetryingMatrixClient;
  readonly config: MatrixConfig;
  readonly passphrase: string;
  /** `<dataDir>/matrix`, or undefined to keep the state in memory (tests). */
  readonly dir: string | undefined;
  readonly log: Logger;
  readonly clock: Clock;
  readonly makeClient: (token: string) => RetryingMatrixClient;
}

export function httpOf(client: RetryingMatrixClient): CryptoHttp {
  return (method, endpoint, body) => client.doRequest(method, endpoint, null, body) as Promise<unknown>;
}

/** Moves an old state file aside (never deletes it: the operator may still want it). */
function setAside(file: string, why: string, now: Date): string {
  const aside = `${file}.${why}-${now.toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(file, aside);
  return aside;
}

/** True when the homeserver already has identity keys for this device (made by an earlier state). */
async function serverHasKeys(
  client: RetryingMatrixClient,
  userId: string,
  deviceId: string,
): Promise<boolean> {
  const answer = DeviceKeysSchema.safeParse(
    await httpOf(client)("POST", "/_matrix/client/v3/keys/query", { device_keys: { [userId]: [deviceId] } }),
  );
  return answer.success && answer.data.device_keys[userId]?.[deviceId] !== undefined;
}

/**
 * Starts encryption for the bot's device. The sealed state of this device is restored when it
 * is there. Otherwise a new state is made, unless the homeserver already knows identity keys for
 * this device: those belong to a lost state, and other clients would refuse new keys under the
 * same device id. Then copbot logs in again for a new device when it has a password, and
 * otherwise runs without encryption and says in the log what to do. Never throws for a lost or
 * unreadable state, so a restart cannot loop on it.
 */
export async function startE2ee(opts: E2eeStartOptions): Promise<E2eeStart> {
  const { log, passphrase } = opts;
  const file = opts.dir === undefined ? undefined : path.join(opts.dir, CRYPTO_FILE);
  let client = opts.client;
  let renewed = false;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const who = WhoAmISchema.parse(await client.getWhoAmI());
    if (who.device_id === undefined) {
      log.error("end-to-end encryption off: the homeserver names no device for this access token");
      return { client, e2ee: undefined, renewed: false };
    }
    const deviceId = who.device_id;
    const stored = CryptoStore.inspect(file, passphrase, deviceId);
    if (stored.kind === "unreadable")
      log.error(
        { deviceId },
        "the crypto store cannot be read (wrong MATRIX_CRYPTO_PASSPHRASE or a damaged file)",
      );
    if (stored.kind === "other-device")
      log.warn({ deviceId, stored: stored.deviceId }, "the crypto store belongs to another device");
    if (stored.kind !== "restored" && (await serverHasKeys(client, who.user_id, deviceId))) {
      const next = await newDevice(opts, who.user_id, deviceId);
      if (next === undefined) return { client, e2ee: undefined, renewed: false };
      client = next;
      renewed = true;
      continue;
    }
    if (file !== undefined && (stored.kind === "unreadable" || stored.kind === "other-device")) {
      log.warn({ aside: setAside(file, stored.kind, opts.clock.now()) }, "old crypto store set aside");
      renewed = true;
    }
    const store = await CryptoStore.open({ file, passphrase, userId: who.user_id, deviceId });
    const e2ee = new MatrixE2ee(store, httpOf(client), log);
    await e2ee.start();
    log.info({ deviceId, ed25519: e2ee.fingerprint }, "end-to-end encryption on");
    return { client, e2ee, renewed };
  }
  log.error("end-to-end encryption off: the new device's keys are already on the homeserver");
  return { client, e2ee: undefined, renewed: false };
}

/**
 * Replaces a device whose crypto state is lost: logs in again (a new device id), sets the old
 * state file aside and retires the old device. Undefined when copbot has no password.
 */
async function newDevice(
  opts: E2eeStartOptions,
  userId: string,
  oldDevice: string,
): Promise<RetryingMatrixClient | undefined> {
  const token = await loginAgain(opts.config, opts.dir, opts.log);
  if (token === undefined) {
    opts.log.error(
      { deviceId: oldDevice },
      "end-to-end encryption off: the crypto state of this device is lost, and a new device needs a new " +
        "login: set MATRIX_USER_ID and MATRIX_PASSWORD instead of MATRIX_ACCESS_TOKEN, or give copbot a " +
        "fresh access token (see docs/matrix-setup.md)",
    );
    return undefined;
  }
  const file = opts.dir === undefined ? undefined : path.join(opts.dir, CRYPTO_FILE);
  if (file !== undefined && fs.existsSync(file))
    opts.log.warn(
      { aside: setAside(file, `lost-${oldDevice}`, opts.clock.now()) },
      "old crypto store set aside",
    );
  const next = opts.makeClient(token);
  await retireDevice(next, userId, oldDevice, opts);
  opts.log.warn({ oldDevice }, "logged in again for a new device: the old crypto state was lost");
  return next;
}

/** Deletes the old device (password auth), so members stop encrypting for it; a failure is only logged. */
async function retireDevice(
  client: RetryingMatrixClient,
  userId: string,
  deviceId: string,
  opts: E2eeStartOptions,
): Promise<void> {
  const endpoint = `/_matrix/client/v3/devices/${encodeURIComponent(deviceId)}`;
  const auth = {
    type: "m.login.password",
    identifier: { type: "m.id.user", user: userId },
    password: opts.config.password,
  };
  try {
    await client.doRequest("DELETE", endpoint, null, { auth });
  } catch (error) {
    opts.log.warn({ err: error, deviceId, errcode: errcodeOf(error) }, "could not delete the old device");
  }
}
