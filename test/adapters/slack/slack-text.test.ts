import { fromSlackText, nameMentions } from "../../../adapters/slack/slack-text";

/** Slack's markup as it arrives in `text`, and what the core gets. */
describe("fromSlackText", () => {
  it.each([
    ["<https://wiki.example.org/x>", "https://wiki.example.org/x", "https://wiki.example.org/x"],
    [
      "<https://wiki.example.org/x?a=1&amp;b=2|Wiki &amp; mehr>",
      "https://wiki.example.org/x?a=1&b=2",
      "Wiki & mehr (https://wiki.example.org/x?a=1&b=2)",
    ],
    [
      "<https://wiki.example.org/x|wiki.example.org/x>",
      "https://wiki.example.org/x",
      "https://wiki.example.org/x",
    ],
    ["<mailto:anna@example.org|anna@example.org>", "anna@example.org", "anna@example.org"],
    ["<@U0BEN|ben>", "<@U0BEN>", "@ben"],
    ["<@U0BEN>", "<@U0BEN>", "<@U0BEN>"],
    ["<#C0FRAGEN|fragen>", "<#C0FRAGEN|fragen>", "#fragen"],
    ["<!here> <!channel> <!everyone>", "@here @channel @everyone", "@here @channel @everyone"],
    ["<!subteam^S0EXPERTS|@experten>", "@experten", "@experten"],
    ["<!date^1764000000^{date}|30. Nov.>", "30. Nov.", "30. Nov."],
    ["a &lt;b&gt; &amp;lt; c", "a <b> &lt; c", "a <b> &lt; c"],
  ])("%s → command %p, message %p", (raw, command, message) => {
    expect(fromSlackText(raw, "command")).toBe(command);
    expect(fromSlackText(raw, "message")).toBe(message);
  });
});

describe("nameMentions", () => {
  it("shows each mentioned person by name, looked up once, and keeps the id when nobody is found", async () => {
    const asked: string[] = [];
    const names: Record<string, string> = { U0ANNA: "Anna Schmidt" };
    const text = await nameMentions("<@U0ANNA> und <@U0GONE>, fragt <@U0ANNA>", async (id) => {
      asked.push(id);
      return names[id];
    });
    expect(text).toBe("@Anna Schmidt und @U0GONE, fragt @Anna Schmidt");
    expect(asked).toEqual(["U0ANNA", "U0GONE"]);
  });
});
