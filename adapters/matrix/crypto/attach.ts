import path from "node:path";
import type { RetryingMatrixClient } from "../client";
import type { MatrixE2ee } from "./e2ee";
import { EncryptedReader, type ReaderContext } from "./reader";
import { startE2ee, type E2eeStartOptions } from "./setup";

/** Encryption as the adapter uses it. */
export interface AttachedE2ee {
  readonly client: RetryingMatrixClient;
  readonly e2ee: MatrixE2ee;
  readonly reader: EncryptedReader;
  /**
   * Once the sync runs: tells the encrypted rooms about a new device when the old crypto state
   * was lost, and tries the events that waited for keys before the restart again.
   */
  readonly announce: () => Promise<void>;
}

/** Where events waiting for their keys are kept between runs, next to the crypto store. */
const WAITING_FILE = "waiting-for-keys.json";

/**
 * Starts end-to-end encryption and wires it in: the client encrypts every room send and feeds
 * each sync to the machine first; the reader decrypts for the adapter. Only the client comes
 * back when encryption could not start (copbot then works as without it).
 */
export async function attachE2ee(
  opts: E2eeStartOptions & { readonly reader: ReaderContext },
): Promise<AttachedE2ee | { readonly client: RetryingMatrixClient }> {
  const started = await startE2ee(opts);
  const { client, e2ee, renewed } = started;
  if (!e2ee) return { client };
  client.e2ee = e2ee;
  const file = opts.dir === undefined ? undefined : path.join(opts.dir, WAITING_FILE);
  const reader = new EncryptedReader(e2ee, opts.reader, file);
  return {
    client,
    e2ee,
    reader,
    announce: async () => {
      if (renewed) await reader.announceNewDevice();
      await reader.retryWaiting();
    },
  };
}
