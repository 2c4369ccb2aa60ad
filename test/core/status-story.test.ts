import { PlatformError, RateLimitedError } from "../../src/core/errors";
import { startConsole } from "../support/console-harness";

describe("/cop status in the console", () => {
  it("shows moderators what waits and what failed, and a retry delivers the failed post", async () => {
    const h = await startConsole();
    const port = h.app.bot.services.ports.forPlatform("console");
    const post = port.post.bind(port);
    let archived = true;
    let limited = true;
    jest.spyOn(port, "post").mockImplementation(async (target, message, delivery) => {
      // #archiv is gone for now (as Slack says channel_not_found); #team is rate limited once.
      if (archived && target.kind === "channel" && target.channelId === "console:archiv") {
        throw new PlatformError("channel_not_found", false);
      }
      if (limited && target.kind === "channel" && target.channelId === "console:team") {
        limited = false;
        throw new RateLimitedError(60_000);
      }
      return post(target, message, delivery);
    });

    expect(await h.send("/cop status")).toEqual([
      "[#allgemein] (m1) admin: /cop status",
      "[#allgemein → admin] (m2) copbot: *copbot-Status*",
      "    Plattformen:",
      "      • `console`: verbunden",
      "    Postausgang: leer, alles zugestellt.",
      "    Keine fehlgeschlagenen Zustellungen.",
      "    Keine überfälligen Aufgaben.",
    ]);

    await h.send(
      ":in #archiv",
      '/cop meeting add "Archivrunde" weekly mon 10:00 in #archiv',
      ":in #team",
      '/cop meeting add "Teamrunde" weekly mon 10:00 in #team',
      ":clock 2026-11-30T09:45",
    );
    const status = await h.send(
      ":as mara",
      "/cop status",
      ":as admin",
      "/cop mod add @mara",
      ":as mara",
      "/cop status",
    );
    expect(status.slice(0, 2)).toEqual([
      "[#team] (m7) mara: /cop status",
      "[#team → mara] (m8) copbot: `/cop status` dürfen nur Personen mit der Rolle Moderator:in nutzen – du bist Mitglied.",
    ]);
    const shown = status.slice(status.findIndex((l) => l.includes("(m12) copbot")));
    expect(shown).toEqual([
      "[#team → mara] (m12) copbot: *copbot-Status*",
      "    Plattformen:",
      "      • `console`: verbunden",
      "    Postausgang: 1 offen in 1 Unterhaltung(en), 0 gerade unterwegs. Älteste seit 0 s: „📅 Teamrunde Beginnt in 15 Minuten: Mo, 30.11.2026, 10:00–11:00 (Europe/Berlin)…“ → #team",
      "    Zustellung endgültig fehlgeschlagen (1):",
      "      • #4 „📅 Archivrunde Beginnt in 15 Minuten: Mo, 30.11.2026, 10:00–11:00 (Europe/Berli…“ → #archiv · Grund: channel_not_found",
      "    Keine überfälligen Aufgaben.",
      "    [button ops.retry: #4 erneut senden] [button ops.drop: #4 verwerfen]",
    ]);

    // The rate limit passes; the channel is back and Mara retries the failed reminder.
    archived = false;
    const retried = await h.send(":clock 2026-11-30T09:46", ":click m12 #4 erneut senden");
    expect(retried.filter((l) => l.includes("copbot: *📅"))).toEqual([
      "[#team] (m13) copbot: *📅 Teamrunde*",
      "[#archiv] (m14) copbot: *📅 Archivrunde*",
    ]);
    expect(retried).toContain("[#team → mara] (m15) copbot: Zustellung #4 wird erneut versucht.");
    const after = await h.send("/cop status");
    expect(after).toContain("    Postausgang: leer, alles zugestellt.");
    expect(after).toContain("    Keine fehlgeschlagenen Zustellungen.");
    expect(h.app.bot.services.audit.recent(1)).toMatchObject([
      { actorId: "console:mara", action: "outbox.retry", target: "#4" },
    ]);
    h.close();
  });
});
