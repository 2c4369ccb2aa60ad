import { spawn } from "node:child_process";
import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { ciCommands, read, ROOT, startArgv } from "./project-files";

/**
 * No Docker engine runs here, so the Dockerfile is checked as text: it lints clean, its build
 * runs the commands CI runs, and the image starts copbot as `npm start` does, as a non-root
 * user, with the database on a volume and a health check that really asks /healthz.
 */
describe("Dockerfile", () => {
  const text = read("Dockerfile");
  const dockerfile = DockerfileParser.parse(text);
  const stages = dockerfile.getFROMs().map((from) => ({
    name: from.getBuildStage(),
    base: from.getImage(),
    instructions: dockerfile
      .getInstructions()
      .filter((i) => i.getRange().start.line > from.getRange().start.line)
      .filter((i) => {
        const next = dockerfile.getFROMs().find((f) => f.getRange().start.line > from.getRange().start.line);
        return next === undefined || i.getRange().start.line < next.getRange().start.line;
      }),
  }));
  const stage = (name: string) => {
    const found = stages.find((s) => s.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found;
  };
  const args = (i: Instruction) => i.getArgumentsContent() ?? "";
  const of = (instructions: Instruction[], keyword: string) =>
    instructions.filter((i) => i.getKeyword() === keyword);
  const runtime = stages[stages.length - 1] ?? stage("runtime");
  const env = new Map(
    of(runtime.instructions, "ENV").flatMap((i) =>
      args(i)
        .split(/\s+/)
        .filter((pair) => pair.includes("="))
        .map((pair) => pair.split("=") as [string, string]),
    ),
  );

  it("lints clean (dockerfile-utils, the linter of the VS Code Docker extension)", () => {
    expect(validate(text)).toEqual([]);
    // The linter does find problems: a check that it is really looking.
    expect(validate(text.replace("--interval=30s", "--intervall=30s")).length).toBeGreaterThan(0);
  });

  it("builds with exactly the commands CI runs: the install in the build stage, the tests in a test stage", () => {
    const [install, test] = ciCommands();
    expect(install).toMatch(/^npm ci\b/);
    expect(test).toBe("npm test");
    const build = stage("build");
    expect(of(build.instructions, "COPY").map(args)).toContain(". .");
    expect(of(build.instructions, "RUN").map(args)).toContain(install);
    expect(stage("test").base).toBe("build");
    expect(of(stage("test").instructions, "RUN").map(args)).toEqual([test]);
    // The runtime image takes no development dependency.
    expect(of(stage("prune").instructions, "RUN").map(args)).toEqual([
      "npm prune --omit=dev --no-audit --no-fund",
    ]);
  });

  it("keeps local installs, builds, databases and secrets out of the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", "dist", "data", ".env", "*.db", ".git"]));
  });

  it("runs copbot as `npm start` does, as a non-root user, with the database on a volume", () => {
    expect(runtime.name).toBe("runtime");
    const cmd = JSON.parse(args(of(runtime.instructions, "CMD")[0] as Instruction)) as string[];
    expect(cmd).toEqual(startArgv());
    const users = of(runtime.instructions, "USER").map(args);
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)$/);
    const volumes = JSON.parse(args(of(runtime.instructions, "VOLUME")[0] as Instruction)) as string[];
    const db = env.get("COPBOT_DB") ?? "";
    expect(volumes.some((v) => db.startsWith(`${v}/`))).toBe(true);
    expect(volumes).toContain(env.get("COPBOT_DATA_DIR"));
  });

  it("copies everything the installed packages link to", () => {
    const copied = of(runtime.instructions, "COPY").map((i) =>
      args(i)
        .split(/\s+/)
        .slice(-2)[0]
        ?.replace(/^\/app\//, ""),
    );
    // npm links local `file:` packages; each link must land inside something the image copies.
    const links = [
      "node_modules",
      ...readdirSync(join(ROOT, "node_modules"))
        .filter((n) => n.startsWith("@"))
        .map((s) => `node_modules/${s}`),
    ]
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => join(ROOT, dir, name)))
      .filter((path) => lstatSync(path).isSymbolicLink());
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const target = relative(ROOT, realpathSync(link));
      expect(copied.some((c) => c !== undefined && (target === c || target.startsWith(`${c}/`)))).toBe(true);
    }
    for (const path of copied) expect(existsSync(join(ROOT, path ?? ""))).toBe(true);
  });

  it("checks health with a command that passes on 200 from /healthz and fails otherwise", async () => {
    const healthcheck = of(runtime.instructions, "HEALTHCHECK")[0] as Instruction;
    const argv = JSON.parse(args(healthcheck).replace(/^.*?CMD\s+/s, "")) as string[];
    const port = env.get("COPBOT_HEALTH_PORT") ?? "";
    expect(of(runtime.instructions, "EXPOSE").map(args).join(" ").split(/\s+/)).toContain(port);
    let status = 200;
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // Run as its own process (the server answers meanwhile), as Docker runs it.
    const check = () =>
      new Promise<number | null>((resolve) =>
        spawn(argv[0] === "node" ? process.execPath : (argv[0] ?? ""), argv.slice(1), {
          env: { ...process.env, COPBOT_HEALTH_PORT: String((server.address() as AddressInfo).port) },
        }).once("exit", resolve),
      );
    try {
      expect(await check()).toBe(0);
      status = 503;
      expect(await check()).toBe(1);
      expect(paths).toEqual(["/healthz", "/healthz"]);
    } finally {
      server.close();
    }
  });
});
