import { parseDuration, parseLine } from "../../../adapters/console/line-parser";
import { startConsole } from "../../support/console-harness";

describe("console line syntax", () => {
  it("parses every kind of line", () => {
    expect(parseLine("/cop help")).toEqual({ kind: "command", text: "help" });
    expect(parseLine("!cop help")).toEqual({ kind: "command", text: "help" });
    expect(parseLine(":as @anna")).toEqual({ kind: "as", name: "anna" });
    expect(parseLine(":as anna schmidt")).toEqual({ kind: "error", problem: "usage: :as NAME" });
    expect(parseLine(":in #Fragen")).toEqual({ kind: "in", channel: "Fragen" });
    expect(parseLine(":in dm")).toEqual({ kind: "in", channel: "dm" });
    expect(parseLine(":reply m11 Danke!")).toEqual({ kind: "reply", ref: "m11", text: "Danke!" });
    expect(parseLine(":react m12 ✅")).toEqual({ kind: "react", ref: "m12", emoji: "white_check_mark" });
    expect(parseLine(":unreact m12 👀")).toEqual({ kind: "react", ref: "m12", emoji: "eyes", removed: true });
    expect(parseLine(":click m12 meeting.rsvp/1")).toEqual({
      kind: "click",
      ref: "m12",
      action: "meeting.rsvp/1",
    });
    expect(parseLine(":clock +1d2h")).toEqual({ kind: "clock", to: { relativeMs: 26 * 3_600_000 } });
    expect(parseLine(":clock 2026-12-07T09:00")).toEqual({
      kind: "clock",
      to: { local: "2026-12-07T09:00" },
    });
    expect(parseLine(":quit")).toEqual({ kind: "quit" });
    expect(parseLine(":-) hallo")).toEqual({ kind: "text", text: ":-) hallo" });
    expect(parseLine(":clock soon")).toEqual({
      kind: "error",
      problem: "usage: :clock +1h | :clock 2026-12-07T09:00",
    });
    expect(parseDuration("+90m")).toBe(5_400_000);
    expect(parseDuration("1h")).toBeUndefined();
  });
});

describe("console adapter", () => {
  it("prints messages with references, threads and DMs, and explains bad lines", async () => {
    const h = await startConsole();
    expect(await h.send(":in #fragen", ":as ben", "Hallo zusammen", ":reply m1 Antwort im Thread")).toEqual([
      "[#fragen] (m1) ben: Hallo zusammen",
      "[#fragen › m1] (m2) ben: Antwort im Thread",
    ]);
    expect(await h.send(":reply m99 nix", ":click m1 nothing", ":frobnicate")).toEqual([
      "! unknown message m99",
      "! no button nothing on m1 (buttons: none)",
      expect.stringContaining("! unknown :frobnicate"),
    ]);
    const threadCommand = await h.send(":reply m1 /cop lang de");
    expect(threadCommand[0]).toBe("[#fragen › m1] (m3) ben: /cop lang de");
    expect(threadCommand[1]).toMatch(/^\[#fragen › m1 → ben\] \(m4\) copbot: /);
    expect(await h.send(":in dm", "/cop lang en")).toEqual([
      "[dm ben] (m5) ben: /cop lang en",
      "[dm ben] (m6) copbot: Got it, I'll answer you in English from now on.",
    ]);
    h.close();
  });

  it("moves the virtual clock forward only", async () => {
    const h = await startConsole({ start: "2026-12-07T08:00:00+01:00" });
    expect(await h.send(":clock +1h")).toEqual(["⏰ Mon 2026-12-07 09:00"]);
    expect(await h.send(":clock 2026-12-07T08:30")).toEqual([
      "! the clock cannot go back (now Mon 2026-12-07 09:00)",
    ]);
    expect(h.clock.now().toISOString()).toBe("2026-12-07T08:00:00.000Z");
    h.close();
  });
});
