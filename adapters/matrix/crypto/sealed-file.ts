import crypto from "node:crypto";
import fs from "node:fs";
import { replaceFile } from "../replace-file";

/** Marks copbot's sealed files and their format version. */
const MAGIC = Buffer.from("COPBOT-SEALED-1\n", "utf8");
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** scrypt cost: about 32 MiB and a few dozen milliseconds, once per start. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** Why a sealed file could not be read. */
export type UnsealFailure = "missing" | "unreadable";

/** The key of one sealed file, derived once from the passphrase and the file's salt. */
export interface SealKey {
  readonly salt: Buffer;
  readonly key: Buffer;
}

/**
 * The last key derived for a file's salt: a start reads the sealed file twice (inspect, then
 * open), and scrypt is slow on purpose, so the second read reuses it.
 */
let lastRead: { passphrase: string; key: SealKey } | undefined;

/** Derives the AES key for `salt` (a new random salt when none is given) from the passphrase. */
export function deriveSealKey(passphrase: string, salt: Buffer = crypto.randomBytes(SALT_BYTES)): SealKey {
  return { salt, key: crypto.scryptSync(passphrase.normalize("NFC"), salt, 32, SCRYPT) };
}

function keyForFile(passphrase: string, salt: Buffer): SealKey {
  if (lastRead?.passphrase !== passphrase || !lastRead.key.salt.equals(salt)) {
    lastRead = { passphrase, key: deriveSealKey(passphrase, Buffer.from(salt)) };
  }
  return lastRead.key;
}

/**
 * Reads a file written by `writeSealed`. Authenticated encryption (AES-256-GCM) means a wrong
 * passphrase and a damaged file look the same: "unreadable".
 */
export function readSealed(
  file: string,
  passphrase: string,
): { ok: true; data: Buffer; key: SealKey } | { ok: false; reason: UnsealFailure } {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "missing" };
    throw error;
  }
  const header = MAGIC.length + SALT_BYTES + IV_BYTES + TAG_BYTES;
  if (raw.length < header || !raw.subarray(0, MAGIC.length).equals(MAGIC))
    return { ok: false, reason: "unreadable" };
  const salt = raw.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const iv = raw.subarray(MAGIC.length + SALT_BYTES, MAGIC.length + SALT_BYTES + IV_BYTES);
  const tag = raw.subarray(header - TAG_BYTES, header);
  const key = keyForFile(passphrase, salt);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, iv);
    decipher.setAAD(raw.subarray(0, MAGIC.length + SALT_BYTES));
    decipher.setAuthTag(tag);
    const data = Buffer.concat([decipher.update(raw.subarray(header)), decipher.final()]);
    return { ok: true, data, key };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/**
 * Encrypts `data` with the key and replaces the file atomically (a temporary file, flushed to
 * disk, then renamed), so a crash leaves either the old or the new state, never half of one.
 * The file is readable by the owner only.
 */
export function writeSealed(file: string, key: SealKey, data: Buffer): void {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key.key, iv);
  const aad = Buffer.concat([MAGIC, key.salt]);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  const sealed = Buffer.concat([aad, iv, cipher.getAuthTag(), body]);
  replaceFile(file, sealed, { mode: 0o600, flush: true });
}
