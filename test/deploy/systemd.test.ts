import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { read, ROOT, startArgv } from "./project-files";

const UNIT = "deploy/copbot.service";

/** `[Section]` -> key -> values (a key may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.replace(/\\\n/g, " ").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1] ?? "", current);
      continue;
    }
    const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`not a unit file line: ${line}`);
    const [, key = "", value = ""] = pair;
    current.set(key, [...(current.get(key) ?? []), value]);
  }
  return sections;
}

const systemdAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;

describe("the systemd unit", () => {
  const service = parseUnit(read(UNIT)).get("Service") ?? new Map<string, string[]>();
  const one = (key: string) => service.get(key)?.at(-1);

  it("starts copbot as `npm start` does, from the installed copy, with its state in the state directory", () => {
    const [node, ...rest] = startArgv();
    const dir = one("WorkingDirectory") ?? "";
    expect(one("ExecStart")).toBe(
      [`/usr/bin/${node}`, ...rest.map((a) => (a.endsWith(".js") ? `${dir}/${a}` : a))].join(" "),
    );
    const state = `/var/lib/${one("StateDirectory")}`;
    expect(one("Environment")).toContain(`COPBOT_DB=${state}/copbot.db`);
    expect(one("Environment")).toContain(`COPBOT_DATA_DIR=${state}`);
  });

  it("runs without privileges on a read-only system, leaving the JIT compiler its memory", () => {
    expect(one("DynamicUser")).toBe("yes");
    expect(one("NoNewPrivileges")).toBe("yes");
    expect(one("CapabilityBoundingSet")).toBe("");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("ProtectHome")).toBe("yes");
    expect(one("PrivateTmp")).toBe("yes");
    expect(one("RestrictAddressFamilies")).toBe("AF_INET AF_INET6 AF_UNIX");
    expect(service.get("SystemCallFilter")).toEqual(["@system-service", "~@privileged"]);
    expect(one("MemoryDenyWriteExecute")).toBe("no");
  });

  (systemdAnalyze ? it : it.skip)("passes systemd-analyze verify and rates as well hardened", () => {
    const dir = mkdtempSync(join(tmpdir(), "copbot-unit-"));
    try {
      copyFileSync(join(ROOT, UNIT), join(dir, "copbot.service"));
      const verify = spawnSync("systemd-analyze", ["verify", "--man=no", "./copbot.service"], {
        cwd: dir,
        encoding: "utf8",
      });
      // systemd-analyze exits 0 even for unknown keys; what it says is the verdict.
      expect(verify.stderr).toBe("");
      expect(verify.status).toBe(0);
      const security = spawnSync("systemd-analyze", ["security", "--offline=yes", "./copbot.service"], {
        cwd: dir,
        encoding: "utf8",
      });
      const exposure = Number(
        /Overall exposure level for copbot\.service: ([\d.]+)/.exec(security.stdout)?.[1],
      );
      expect(exposure).toBeLessThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
