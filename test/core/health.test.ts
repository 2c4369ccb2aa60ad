import Database from "better-sqlite3";
import { databaseFailure } from "../../db/failure";
import { Health } from "../../src/core/health";
import { OpsServer } from "../../src/core/ops-server";
import { startConsole } from "../support/console-harness";

describe("health: readiness, the operations server and a broken database", () => {
  it("serves /healthz always, /readyz as the checks say, and 404 for anything else", async () => {
    const health = new Health("./data/copbot.db");
    let connected = true;
    health.probe("platform:slack", () => (connected ? { ok: true } : { ok: false, detail: "disconnected" }));
    const ops = new OpsServer(health).route("/metrics", (_req, res) => res.end("metrics later"));
    const port = await ops.listen(0, "127.0.0.1");
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
    try {
      expect((await get("/healthz")).status).toBe(200);
      const ready = await get("/readyz");
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 200,
        body: { ready: true, checks: { "platform:slack": { ok: true } } },
      });
      connected = false;
      const down = await get("/readyz");
      expect({ status: down.status, body: await down.json() }).toEqual({
        status: 503,
        body: { ready: false, checks: { "platform:slack": { ok: false, detail: "disconnected" } } },
      });
      connected = true;
      health.markStopping();
      expect((await get("/readyz")).status).toBe(503);
      expect((await get("/healthz")).status).toBe(200);
      expect(await (await get("/metrics")).text()).toBe("metrics later");
      expect((await get("/nothing")).status).toBe(404);
    } finally {
      await ops.close();
    }
  });

  it("names COPBOT_DB and what to do for each kind of broken database, and nothing else", () => {
    const failure = (code: string, message: string) =>
      databaseFailure(new Database.SqliteError(message, code), "/var/lib/copbot/copbot.db")?.message;
    expect(failure("SQLITE_FULL", "database or disk is full")).toBe(
      "COPBOT_DB /var/lib/copbot/copbot.db cannot grow: the disk is full (database or disk is full); free space on its volume, then start copbot again",
    );
    expect(failure("SQLITE_READONLY_DBMOVED", "attempt to write a readonly database")).toMatch(
      /cannot be written/,
    );
    expect(failure("SQLITE_CORRUPT", "database disk image is malformed")).toMatch(/is damaged/);
    expect(failure("SQLITE_IOERR_SHORT_READ", "disk I/O error")).toMatch(/cannot be read or written/);
    expect(failure("SQLITE_CONSTRAINT_UNIQUE", "UNIQUE constraint failed")).toBeUndefined();
    expect(databaseFailure(new Error("something else"), "x")).toBeUndefined();
  });

  it("turns a full disk during an event into one stop: readiness false, no answer attempted", async () => {
    const h = await startConsole();
    const { health } = h.app.bot.services;
    const stops: string[] = [];
    health.onFatal((error) => stops.push(error.message));
    await h.send("/cop profile");
    // The volume is full: the database cannot grow by a single page.
    const pages = Number(h.app.db.pragma("page_count", { simple: true }));
    h.app.db.pragma(`max_page_count = ${pages}`);
    // Commands write (event ids, answers) until a page is needed that the volume does not have.
    // The console's own bookkeeping (message refs) may hit it first: main classifies what
    // reaches it the same way (see main.ts).
    const send = (line: string) =>
      h.send(line).catch((error: unknown) => (health.fatal(error) ? [] : Promise.reject(error)));
    const out: string[] = [];
    for (let i = 0; i < 500 && stops.length === 0; i++)
      out.push(...(await send(`/cop profile bio "Notiz ${i}"`)));
    await send("/cop help");
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatch(/^COPBOT_DB :memory: cannot grow: the disk is full/);
    expect(health.readiness()).toMatchObject({ ready: false, checks: { database: { ok: false } } });
    expect(out.join("\n")).not.toContain("Da ist bei mir etwas schiefgegangen");
    h.close();
  });
});
