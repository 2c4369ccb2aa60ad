import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import {
  closeSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/open";
import { startCopbot, until, type CopbotProcess } from "../support/copbot-process";

/** `unshare --pid --fork` needs root (or user namespaces); without it that case cannot run here. */
const canUnshare = spawnSync("unshare", ["--pid", "--fork", "true"]).status === 0;
/** The immutable flag makes a file read-only even for root (ext4 and most Linux file systems). */
function makeImmutable(path: string): boolean {
  return spawnSync("chattr", ["+i", path]).status === 0;
}

const REFUSED =
  /^copbot: COPBOT_DB \S+ is in use by another copbot \(pid \d+ on \S+, its lease runs until \S+Z\); stop it first or use another COPBOT_DB$/;

/** A database with some content, as copbot leaves it. */
function realDatabase(path: string): void {
  const db = openDatabase(path);
  const insert = db.prepare("INSERT INTO audit_log (at, actor_id, action, details) VALUES (?, ?, ?, ?)");
  for (let i = 0; i < 400; i++) insert.run(i, "console:admin", "command:x", "y".repeat(200));
  db.close();
}

function holdsLease(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM copbot_lease").get() !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

const lines = (text: string) => text.trim().split("\n");

describe("one copbot per database, and a broken database stops copbot with one clear line", () => {
  let dir: string;
  const running: CopbotProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-guard-"));
  });
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill("SIGKILL");
    spawnSync("chattr", ["-R", "-i", dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  (canUnshare ? it : it.skip)(
    "refuses a second copbot in another PID namespace and one through a hard link, naming the holder; the holder stops cleanly when its database breaks",
    async () => {
      const db = join(dir, "copbot.db");
      const holder = startCopbot({ dir, env: { COPBOT_DB: db } });
      running.push(holder);
      await until(() => holdsLease(db), "the first copbot's lease");
      mkdirSync(join(dir, "other"));
      linkSync(db, join(dir, "other", "linked.db"));
      const [namespaced, linked] = [
        startCopbot({
          dir: join(dir, "other"),
          env: { COPBOT_DB: db },
          wrap: ["unshare", "--pid", "--fork"],
          stdin: "",
        }),
        startCopbot({
          dir: join(dir, "other"),
          env: { COPBOT_DB: join(dir, "other", "linked.db") },
          stdin: "",
        }),
      ];
      const [a, b] = await Promise.all([namespaced.exited, linked.exited]);
      expect({ code: a.code, err: lines(namespaced.stderr()) }).toEqual({
        code: 2,
        err: [expect.stringMatching(REFUSED)],
      });
      expect({ code: b.code, err: lines(linked.stderr()) }).toEqual({
        code: 2,
        err: [expect.stringMatching(REFUSED)],
      });
      expect(namespaced.stderr()).toContain(`pid ${holder.pid} `);

      // The first copbot is untouched and still answers.
      holder.child.stdin?.write("/cop lang en\n");
      await until(
        () => holder.stdout().includes("Got it, I'll answer you in English"),
        "the holder's answer",
      );
      // Then its volume stops taking writes: it ends at once with the line, although stdin stays open.
      if (!makeImmutable(db) || !makeImmutable(`${db}-wal`)) return;
      const broke = Date.now();
      holder.child.stdin?.write("/cop profile\n");
      const ended = await holder.exited;
      expect({ code: ended.code, quick: Date.now() - broke < 8_000 }).toEqual({ code: 2, quick: true });
      // The console's ready line from the start, then only the one line of why it stopped.
      expect(lines(holder.stderr())).toEqual([
        expect.stringMatching(/^copbot ist bereit · /),
        expect.stringMatching(/^copbot: COPBOT_DB \S+ cannot be (read or )?written \(.+\): check /),
      ]);
    },
  );

  it("stops at start-up on a damaged, a truncated or a foreign file, and on one it may not write", async () => {
    const cases: Record<string, (path: string) => boolean> = {
      damaged: (path) => {
        realDatabase(path);
        const fd = openSync(path, "r+");
        writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
        closeSync(fd);
        return true;
      },
      truncated: (path) => {
        realDatabase(path);
        truncateSync(path, Math.floor(statSync(path).size / 2) + 100);
        return true;
      },
      foreign: (path) => {
        writeFileSync(path, "name;organisation\nAnna;Stadt Musterhausen\n".repeat(200));
        return true;
      },
      readonly: (path) => {
        realDatabase(path);
        return makeImmutable(path);
      },
    };
    const runs = Object.entries(cases).flatMap(([name, make]) => {
      const caseDir = join(dir, name);
      mkdirSync(caseDir);
      if (!make(join(caseDir, "copbot.db"))) return [];
      const env = { COPBOT_DB: join(caseDir, "copbot.db") };
      return [{ name, run: startCopbot({ dir: caseDir, env, stdin: "/cop help\n" }) }];
    });
    const results = await Promise.all(
      runs.map(async ({ name, run }) => ({
        name,
        code: (await run.exited).code,
        err: lines(run.stderr()),
        out: run.stdout(),
      })),
    );
    const expected: Record<string, RegExp> = {
      damaged:
        /^copbot: COPBOT_DB \S+ is damaged \(.+\): stop copbot and restore the file from a backup, or move it away to start with an empty database$/,
      truncated: /^copbot: COPBOT_DB \S+ (is damaged|is not a copbot database).*$/,
      foreign:
        /^copbot: COPBOT_DB \S+ is not a copbot database or its header is damaged \(file is not a database\): restore it from a backup or point COPBOT_DB at another file$/,
      readonly:
        /^copbot: COPBOT_DB \S+ cannot be written \(.+\): check that copbot may write the file and its folder and that the volume is not read-only$/,
    };
    for (const result of results) {
      expect(result).toEqual({
        name: result.name,
        code: 2,
        err: [expect.stringMatching(expected[result.name] ?? /^$/)],
        out: "",
      });
    }
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(["damaged", "truncated", "foreign"]));
  });
});
