import { DockerfileParser } from "dockerfile-ast";
import { parse } from "yaml";
import { z } from "zod";
import { read } from "./project-files";

const Compose = z.object({
  services: z.record(
    z.string(),
    z.object({
      build: z.string().optional(),
      image: z.string(),
      environment: z.record(z.string(), z.string()).optional(),
      volumes: z.array(z.string()).optional(),
      ports: z.array(z.string()).optional(),
      depends_on: z.array(z.string()).optional(),
    }),
  ),
  volumes: z.record(z.string(), z.null()),
});

/** Lines like `#   image: …` or `# - synapse` (commented YAML) uncommented; prose comments stay. */
function uncommentYaml(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const m = /^(\s*)# ( *)(\S.*)$/.exec(line);
      if (!m) return line;
      const [, indent = "", inner = "", rest = ""] = m;
      return /^(- \S|[A-Za-z_][\w.-]*:( |$))/.test(rest) ? `${indent}${inner}${rest}` : line;
    })
    .join("\n");
}

describe("compose.yaml", () => {
  const text = read("compose.yaml");
  const volumeOfImage = JSON.parse(
    DockerfileParser.parse(read("Dockerfile"))
      .getInstructions()
      .find((i) => i.getKeyword() === "VOLUME")
      ?.getArgumentsContent() ?? "[]",
  ) as string[];

  it("builds copbot from this repository and keeps its database in a named volume at the image's volume", () => {
    const compose = Compose.parse(parse(text));
    const copbot = compose.services["copbot"];
    expect(copbot?.build).toBe(".");
    const [volume, target] = (copbot?.volumes?.[0] ?? "").split(":");
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(volumeOfImage).toContain(target);
    expect(copbot?.environment?.["COPBOT_DB"]).toBe(`${target}/copbot.db`);
    // Health and metrics stay on the host's loopback.
    const health = copbot?.environment?.["COPBOT_HEALTH_PORT"];
    expect(copbot?.ports).toContain(`127.0.0.1:${health}:${health}`);
    expect(compose.services["synapse"]).toBeUndefined();
  });

  it("has a commented Synapse service that is valid once uncommented", () => {
    const compose = Compose.parse(parse(uncommentYaml(text)));
    const synapse = compose.services["synapse"];
    expect(synapse?.image).toMatch(/^matrixdotorg\/synapse:/);
    expect(synapse?.volumes?.[0]).toMatch(/^synapse-data:\/data$/);
    expect(Object.keys(compose.volumes)).toEqual(["copbot-data", "synapse-data"]);
    expect(compose.services["copbot"]?.depends_on).toEqual(["synapse"]);
    // The comment says how copbot reaches it.
    expect(text).toContain("MATRIX_HOMESERVER_URL=http://synapse:8008");
  });
});
