import crypto from "node:crypto";
import v8 from "node:v8";
import "fake-indexeddb/auto";
import { DeviceId, OlmMachine, UserId } from "@matrix-org/matrix-sdk-crypto-wasm";
import { z } from "zod";
import { deleteStore, dumpStore, restoreStore, type IdbFactory } from "./idb-snapshot";
import { deriveSealKey, readSealed, writeSealed, type SealKey } from "./sealed-file";

/** What is sealed in the file: whose machine it is, and its databases. */
const StateSchema = z.object({
  format: z.literal(1),
  userId: z.string(),
  deviceId: z.string(),
  databases: z.instanceof(Uint8Array),
});

/** What copbot found where its crypto state should be. */
export type StoredState =
  | { readonly kind: "restored"; readonly deviceId: string }
  | { readonly kind: "missing" }
  | { readonly kind: "unreadable" }
  | { readonly kind: "other-device"; readonly deviceId: string };

function factory(): IdbFactory {
  // Installed by fake-indexeddb/auto; the WASM machine finds it there too.
  return (globalThis as unknown as { indexedDB: IdbFactory }).indexedDB;
}

/**
 * copbot's Olm machine with its state sealed in one file (AES-256-GCM, key from the
 * configured passphrase). The machine works on an in-memory IndexedDB; `save()` writes a
 * snapshot of it, and copbot calls it after every change before anything leaves the process,
 * so a restart resumes with the same device, identity keys and sessions.
 */
export class CryptoStore {
  private constructor(
    readonly machine: OlmMachine,
    private readonly prefix: string,
    private readonly file: string | undefined,
    private readonly key: SealKey,
    private readonly userId: string,
    private readonly deviceId: string,
  ) {}

  /** Reads the sealed state without opening a machine: tells whether it belongs to this device. */
  static inspect(file: string | undefined, passphrase: string, deviceId: string): StoredState {
    if (file === undefined) return { kind: "missing" };
    const sealed = readSealed(file, passphrase);
    if (!sealed.ok) return { kind: sealed.reason };
    const state = StateSchema.safeParse(safeDeserialize(sealed.data));
    if (!state.success) return { kind: "unreadable" };
    return state.data.deviceId === deviceId
      ? { kind: "restored", deviceId }
      : { kind: "other-device", deviceId: state.data.deviceId };
  }

  /**
   * Opens the machine for this device: from the sealed file when it holds this device's state,
   * otherwise a new one (identity keys are created on the spot and saved at once). `file`
   * undefined keeps everything in memory (tests).
   */
  static async open(opts: {
    file: string | undefined;
    passphrase: string;
    userId: string;
    deviceId: string;
  }): Promise<CryptoStore> {
    const prefix = `copbot-${crypto.randomUUID()}`;
    const sealed = opts.file === undefined ? undefined : readSealed(opts.file, opts.passphrase);
    const state = sealed?.ok ? StateSchema.safeParse(safeDeserialize(sealed.data)).data : undefined;
    const ours = state?.deviceId === opts.deviceId && state.userId === opts.userId;
    if (state && ours) await restoreStore(factory(), prefix, Buffer.from(state.databases));
    // A state of another device is never overwritten with this key's salt: a new file gets a new salt.
    const key = sealed?.ok && ours ? sealed.key : deriveSealKey(opts.passphrase);
    const machine = await OlmMachine.initialize(new UserId(opts.userId), new DeviceId(opts.deviceId), prefix);
    const store = new CryptoStore(machine, prefix, opts.file, key, opts.userId, opts.deviceId);
    await store.save();
    return store;
  }

  /** Writes the machine's current state to the sealed file. */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    const databases = await dumpStore(factory(), this.prefix);
    const state = { format: 1, userId: this.userId, deviceId: this.deviceId, databases };
    writeSealed(this.file, this.key, v8.serialize(state));
  }

  /** Saves a last time and frees the machine and its in-memory databases. */
  async close(): Promise<void> {
    await this.save();
    this.machine.close();
    await deleteStore(factory(), this.prefix);
  }
}

function safeDeserialize(data: Buffer): unknown {
  try {
    return v8.deserialize(data);
  } catch {
    return undefined;
  }
}
