import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The manifest is pasted by admins as is; it must ask for what the adapter uses, and no more. */
describe("slack-app-manifest.yml", () => {
  const manifest = readFileSync(join(__dirname, "../../../slack-app-manifest.yml"), "utf8");
  /** Items of the YAML list under `key:` (one `- item` per line, comments dropped). */
  const list = (key: string): string[] => {
    const lines = manifest.split("\n");
    const start = lines.findIndex((l) => l.trim() === `${key}:`);
    const items: string[] = [];
    for (const line of lines.slice(start + 1)) {
      const item = /^\s+- ([\w.:]+)/.exec(line);
      if (!item?.[1]) break;
      items.push(item[1]);
    }
    return items;
  };

  it("subscribes to exactly the events the adapter handles", () => {
    expect(list("bot_events").sort()).toEqual(
      [
        "app_home_opened",
        "app_mention",
        "member_joined_channel",
        "message.channels",
        "message.groups",
        "message.im",
        "reaction_added",
        "reaction_removed",
      ].sort(),
    );
  });

  it("asks for exactly the bot scopes the Web API calls need", () => {
    expect(list("bot").sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "channels:read",
        "chat:write",
        "chat:write.public",
        "commands",
        "files:write",
        "groups:history",
        "groups:read",
        "groups:write",
        "im:history",
        "im:write",
        "mpim:history",
        "mpim:write",
        "pins:write",
        "reactions:read",
        "users:read",
      ].sort(),
    );
  });

  it("declares /cop with escaped mentions, interactivity, the Home tab and Socket Mode", () => {
    expect(manifest).toMatch(/- command: \/cop\n/);
    expect(manifest).toMatch(/should_escape: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
  });
});
