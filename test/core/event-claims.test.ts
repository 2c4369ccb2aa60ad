import { openDatabase } from "../../db/open";
import { EventClaims } from "../../src/core/event-claims";
import { ProcessedEventRepo } from "../../src/core/processed-event-repo";
import { startConsole } from "../support/console-harness";

const at = new Date("2026-03-02T09:00:00Z");

/** A command of the console's admin in the community channel. */
const command = (id: string, text: string) => ({
  kind: "command" as const,
  id,
  platform: "console" as const,
  at,
  userId: "console:admin",
  channelId: "console:allgemein",
  isDm: false,
  text,
});

describe("the duplicate check, committed in groups", () => {
  it("records the ids claimed in one turn in one transaction, in order, each with its own answer", async () => {
    const db = openDatabase(":memory:");
    const repo = new ProcessedEventRepo(db);
    const batches = jest.spyOn(repo, "firstSeenAll");
    const claims = new EventClaims(repo);
    repo.firstSeen("slack:old", at);
    const answers = Promise.all(
      ["slack:a", "slack:b", "slack:a", "slack:old", "slack:c"].map((id) => claims.claim(id, at)),
    );
    expect(await answers).toEqual([true, true, false, false, true]);
    expect(batches).toHaveBeenCalledTimes(1);
    expect(batches.mock.calls[0]?.[0].map((e) => e.id)).toEqual([
      "slack:a",
      "slack:b",
      "slack:a",
      "slack:old",
      "slack:c",
    ]);
    // Committed: the next turn's claim of the same id is a repeat.
    expect(await claims.claim("slack:b", at)).toBe(false);
    expect(batches).toHaveBeenCalledTimes(2);
    db.close();
  });

  it("rejects every claim of a batch whose commit fails", async () => {
    const db = openDatabase(":memory:");
    const claims = new EventClaims(new ProcessedEventRepo(db));
    const answers = [claims.claim("slack:a", at), claims.claim("slack:b", at)];
    db.close();
    for (const answer of answers) await expect(answer).rejects.toThrow(/not open/);
  });

  it("handles events handed in together once each, in order, with one commit", async () => {
    const h = await startConsole();
    const batches = jest.spyOn(ProcessedEventRepo.prototype, "firstSeenAll");
    await Promise.all([
      h.app.bot.handle(command("console:together-1", "lang en")),
      h.app.bot.handle(command("console:together-2", "lang de")),
      h.app.bot.handle(command("console:together-1", "lang en")),
    ]);
    expect(batches).toHaveBeenCalledTimes(1);
    const answers = h.transcript.filter((l) => l.includes("Got it") || l.includes("Alles klar"));
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain("Got it");
    expect(answers[1]).toContain("Alles klar");
    batches.mockRestore();
    h.close();
  });

  it("handles a conversation's next event while the answers of the one before are still on their way", async () => {
    const h = await startConsole();
    const { outbox } = h.app.bot.services;
    const settle = outbox.settle.bind(outbox);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    // The first event's answers stay "on their way" until released.
    jest
      .spyOn(outbox, "settle")
      .mockImplementation((ids) => (++calls === 1 ? held.then(() => settle(ids)) : settle(ids)));
    const first = h.app.bot.handle(command("console:slow-1", "lang en"));
    const second = h.app.bot.handle(command("console:slow-2", "lang de"));
    const guard = new Promise<string>((resolve) => setTimeout(() => resolve("held up"), 2_000).unref());
    expect(await Promise.race([second.then(() => "handled"), guard])).toBe("handled");
    release();
    await first;
    const answers = h.transcript.filter((l) => l.includes("Got it") || l.includes("Alles klar"));
    expect(answers.map((l) => (l.includes("Got it") ? "en" : "de"))).toEqual(["en", "de"]);
    h.close();
  });
});
