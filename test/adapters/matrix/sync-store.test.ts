import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SimpleFsStorageProvider } from "@vector-im/matrix-bot-sdk";
import { SyncFileStore } from "../../../adapters/matrix/sync-store";

describe("the Matrix sync file", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-sync-store-"));
    file = path.join(dir, "matrix", "sync.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads on from a file the SDK's SimpleFsStorageProvider wrote, and the SDK reads what it writes", () => {
    const sdk = new SimpleFsStorageProvider(file);
    sdk.setSyncToken("s72594_4483_1934");
    sdk.setFilter({ id: 7, filter: { room: { timeline: { limit: 20 } } } });
    sdk.storeValue("dm.rooms", "{}");
    sdk.addRegisteredUser("@someone:example.org");

    const store = new SyncFileStore(file);
    expect(store.getSyncToken()).toBe("s72594_4483_1934");
    expect(store.getFilter()).toEqual({ id: 7, filter: { room: { timeline: { limit: 20 } } } });
    expect(store.readValue("dm.rooms")).toBe("{}");
    store.setSyncToken("s72595_4483_1935");
    store.storeValue("next", "value");

    const again = new SimpleFsStorageProvider(file);
    expect(again.getSyncToken()).toBe("s72595_4483_1935");
    expect(again.getFilter()).toEqual({ id: 7, filter: { room: { timeline: { limit: 20 } } } });
    expect(again.readValue("next")).toBe("value");
    // What copbot does not use is kept as the SDK wrote it.
    expect(again.isUserRegistered("@someone:example.org")).toBe(true);
  });

  it("starts empty without a file, keeps what was set across a restart and leaves no temporary file", () => {
    const store = new SyncFileStore(file);
    expect(store.getSyncToken()).toBeNull();
    expect(store.getFilter()).toBeNull();
    expect(store.readValue("missing")).toBeUndefined();
    store.setSyncToken("s1");
    // Homeservers give the filter id as a string, whatever the SDK's type says.
    store.setFilter({ id: "3" as unknown as number, filter: {} });
    const restarted = new SyncFileStore(file);
    expect(restarted.getSyncToken()).toBe("s1");
    expect(restarted.getFilter()).toEqual({ id: "3", filter: {} });
    expect(fs.readdirSync(path.dirname(file))).toEqual(["sync.json"]);
  });

  it("refuses a damaged file with its name instead of starting over from nothing", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"syncToken": "s1"');
    expect(() => new SyncFileStore(file)).toThrow(/sync\.json: not valid JSON/);
    expect(fs.readFileSync(file, "utf8")).toBe('{"syncToken": "s1"');
  });
});
