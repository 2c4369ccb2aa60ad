import { readFileSync } from "node:fs";
import type { IFilterInfo, IStorageProvider } from "@vector-im/matrix-bot-sdk";
import { z } from "zod";
import { replaceFile } from "./replace-file";

/**
 * The sync file's content. The SDK's `SimpleFsStorageProvider` wrote the same shape (through
 * lowdb), so a file it wrote reads on; keys copbot does not use are kept as they are.
 */
const SyncFileSchema = z
  .object({
    syncToken: z.string().nullable().default(null),
    // The SDK's type says a number; homeservers answer with the string the spec names.
    filter: z
      .object({ id: z.union([z.string(), z.number()]), filter: z.unknown() })
      .nullable()
      .default(null),
    kvStore: z.record(z.string(), z.string()).default({}),
  })
  .passthrough();
type SyncFile = z.infer<typeof SyncFileSchema>;

/**
 * Where the Matrix client keeps its sync position and filter between starts: one JSON file,
 * rewritten whole (a new file renamed over the old, so a crash leaves one or the other). It
 * replaces the SDK's `SimpleFsStorageProvider`, whose lowdb and lodash took about 5 MB of an idle
 * copbot's memory for a handful of values.
 */
export class SyncFileStore implements IStorageProvider {
  private readonly data: SyncFile;

  constructor(private readonly file: string) {
    this.data = SyncFileSchema.parse(read(file) ?? {});
    this.write();
  }

  setSyncToken(token: string | null): void {
    this.data.syncToken = token;
    this.write();
  }

  getSyncToken(): string | null {
    return this.data.syncToken;
  }

  setFilter(filter: IFilterInfo): void {
    this.data.filter = { id: filter.id, filter: filter.filter };
    this.write();
  }

  getFilter(): IFilterInfo {
    // The SDK compares what it reads with the filter it wants; none stored reads as null, as
    // from its own provider, and the id is returned as the homeserver gave it.
    return this.data.filter as IFilterInfo;
  }

  storeValue(key: string, value: string): void {
    this.data.kvStore[key] = value;
    this.write();
  }

  readValue(key: string): string | undefined {
    return this.data.kvStore[key];
  }

  private write(): void {
    replaceFile(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }
}

/** The file's JSON, or undefined when there is none yet. */
function read(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
