import type { RetryingMatrixClient } from "../client";
import type { MatrixE2ee } from "./e2ee";
import { EncryptedReader, type ReaderContext } from "./reader";
import { startE2ee, type E2eeStartOptions } from "./setup";

/** Encryption as the adapter uses it. */
export interface AttachedE2ee {
  readonly client: RetryingMatrixClient;
  readonly e2ee: MatrixE2ee;
  readonly reader: EncryptedReader;
  /** Tells the encrypted rooms about a new device, when the old crypto state was lost. */
  readonly announce: () => Promise<void>;
}

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
  const reader = new EncryptedReader(e2ee, opts.reader);
  return {
    client,
    e2ee,
    reader,
    announce: () => (renewed ? reader.announceNewDevice() : Promise.resolve()),
  };
}
