import v8 from "node:v8";
import { z } from "zod";

/*
 * The WASM crypto machine keeps its state in IndexedDB, which Node lacks. copbot gives it
 * fake-indexeddb (a maintained, pure-JS, in-memory IndexedDB) and makes it durable itself: these
 * functions copy a machine's databases out into one buffer and back in, through the public
 * IndexedDB API only. Values are structured-clone data, which `v8.serialize` carries exactly.
 */

/** The part of the IndexedDB API used here (Node's TypeScript library has no DOM types). */
interface IdbRequest<T> {
  readonly result: T;
  readonly error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: (() => void) | null;
}
interface IdbIndex {
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
}
interface IdbObjectStore {
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexNames: Iterable<string>;
  index(name: string): IdbIndex;
  getAll(): IdbRequest<unknown[]>;
  getAllKeys(): IdbRequest<unknown[]>;
  put(value: unknown, key?: unknown): unknown;
  createIndex(
    name: string,
    keyPath: string | string[],
    options: { unique: boolean; multiEntry: boolean },
  ): void;
}
interface IdbDatabase {
  readonly version: number;
  readonly objectStoreNames: Iterable<string>;
  transaction(stores: string, mode: "readonly"): { objectStore(name: string): IdbObjectStore };
  createObjectStore(
    name: string,
    options: { keyPath: string | string[] | null; autoIncrement: boolean },
  ): IdbObjectStore;
  close(): void;
}
/** An IndexedDB factory, such as fake-indexeddb's. */
export interface IdbFactory {
  open(name: string, version?: number): IdbOpenRequest;
  deleteDatabase(name: string): IdbRequest<unknown>;
  databases(): Promise<{ name?: string; version?: number }[]>;
}

const KeyPath = z.union([z.string(), z.array(z.string())]);
const SnapshotSchema = z.array(
  z.object({
    /** The database name without the machine's store-name prefix. */
    name: z.string(),
    version: z.number().int().positive(),
    stores: z.array(
      z.object({
        name: z.string(),
        keyPath: KeyPath.nullable(),
        autoIncrement: z.boolean(),
        indexes: z.array(
          z.object({ name: z.string(), keyPath: KeyPath, unique: z.boolean(), multiEntry: z.boolean() }),
        ),
        records: z.array(z.tuple([z.unknown(), z.unknown()])),
      }),
    ),
  }),
);
type Snapshot = z.infer<typeof SnapshotSchema>;

function done<T>(request: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      reject(request.error instanceof Error ? request.error : new Error("IndexedDB failed"));
  });
}

/** The databases of one store, named `<prefix>::…` by the crypto machine. */
async function namesOf(factory: IdbFactory, prefix: string): Promise<string[]> {
  return (await factory.databases())
    .map((d) => d.name ?? "")
    .filter((name) => name.startsWith(`${prefix}::`));
}

/** Copies every database of the store `prefix` into one buffer. */
export async function dumpStore(factory: IdbFactory, prefix: string): Promise<Buffer> {
  const snapshot: Snapshot = [];
  for (const name of await namesOf(factory, prefix)) {
    const db = await done(factory.open(name));
    try {
      const stores: Snapshot[number]["stores"] = [];
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, "readonly").objectStore(storeName);
        const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
        stores.push({
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].map((indexName) => {
            const index = store.index(indexName);
            return {
              name: indexName,
              keyPath: index.keyPath,
              unique: index.unique,
              multiEntry: index.multiEntry,
            };
          }),
          records: keys.map((key, i): [unknown, unknown] => [key, values[i]]),
        });
      }
      snapshot.push({ name: name.slice(prefix.length), version: db.version, stores });
    } finally {
      db.close();
    }
  }
  return v8.serialize(snapshot);
}

/** Recreates the databases of a dump under the store name `prefix`; throws on a malformed dump. */
export async function restoreStore(factory: IdbFactory, prefix: string, dump: Buffer): Promise<void> {
  const snapshot = SnapshotSchema.parse(v8.deserialize(dump));
  for (const saved of snapshot) {
    const request = factory.open(`${prefix}${saved.name}`, saved.version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const s of saved.stores) {
        const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes)
          store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        for (const [key, value] of s.records) {
          if (s.keyPath === null) store.put(value, key);
          else store.put(value);
        }
      }
    };
    (await done(request)).close();
  }
}

/** Drops every database of the store `prefix` (after the machine has closed them). */
export async function deleteStore(factory: IdbFactory, prefix: string): Promise<void> {
  for (const name of await namesOf(factory, prefix)) await done(factory.deleteDatabase(name));
}
