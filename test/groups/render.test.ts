import { inlineToPlain, type OutgoingMessage } from "../../src/core/message";
import { translator } from "../../src/i18n";
import { charterMessage } from "../../src/groups/charter";
import { confirmationMarkdown, confirmationMessage } from "../../src/groups/confirmation";
import type { Group } from "../../src/groups/group-repo";

const group: Group = {
  id: 7,
  title: "Leitfaden E-Akte",
  problem: "Altakten werden überall anders *migriert*",
  deliverable: "leitfaden",
  due: "2027-01-25",
  minSize: 3,
  maxSize: 6,
  topics: ["E-Akte", "Archiv"],
  facilitatorId: "console:anna",
  proposerId: "console:admin",
  channelId: "console:allgemein",
  spaceId: "console:ag-7",
  state: "closed",
  signupDeadline: new Date("2026-12-07T08:00:00Z"),
  statusText: undefined,
  checkinId: undefined,
  resultUrl: "https://wiki.example.org/leitfaden",
  summary: undefined,
  createdAt: new Date("2026-11-30T08:00:00Z"),
  startedAt: new Date("2026-12-01T08:00:00Z"),
  closedAt: new Date("2027-01-20T08:00:00Z"),
};

function plain(message: OutgoingMessage): string {
  return message.blocks
    .map((b) => {
      if (b.kind === "header") return b.text;
      if (b.kind === "list")
        return b.items.map((item) => item.map((i) => inlineToPlain(i)).join("")).join("\n");
      if (b.kind === "divider") return "---";
      return b.content.map((i) => inlineToPlain(i)).join("");
    })
    .join("\n");
}

describe("charter", () => {
  it("states goal, problem, deliverable, due date, roles and working agreements", () => {
    const text = plain(
      charterMessage(translator("de"), "de", group, [
        {
          memberId: "console:anna",
          role: "facilitator",
          state: "joined",
          joinedAt: undefined,
          since: new Date(0),
        },
        { memberId: "console:ben", role: "member", state: "joined", joinedAt: undefined, since: new Date(0) },
        {
          memberId: "console:carla",
          role: "member",
          state: "joined",
          joinedAt: undefined,
          since: new Date(0),
        },
      ]),
    );
    expect(text).toContain("Charta: Leitfaden E-Akte");
    expect(text).toContain("Ziel: Wir erarbeiten gemeinsam „Leitfaden E-Akte“ (Leitfaden).");
    expect(text).toContain("Praxisproblem: Altakten werden überall anders *migriert*");
    expect(text).toContain("Fällig am: 25.01.2027");
    expect(text).toContain("Rollen: Moderation @console:anna · Mitglieder @console:ben, @console:carla");
    expect(text).toContain("Arbeitsvereinbarungen:");
    expect(text).toContain("/cop group time 2h");
  });
});

describe("participation confirmation", () => {
  it("has group, topic, period, role, logged time and result, as text and Markdown file", () => {
    const facts = {
      memberName: "Ben Beispiel",
      group,
      role: "member" as const,
      minutes: 330,
      zone: "Europe/Berlin",
    };
    const message = confirmationMessage(translator("de"), "de", facts);
    const text = plain(message);
    expect(text).toContain("Teilnahmebestätigung");
    expect(text).toContain("Ben Beispiel hat in der Arbeitsgruppe „Leitfaden E-Akte“");
    expect(text).toContain("Zeitraum: 01.12.2026 – 20.01.2027");
    expect(text).toContain("Rolle: Mitglied");
    expect(text).toContain("Erfasste Zeit: 5:30 h");
    expect(text).toContain("Ergebnis: Leitfaden: https://wiki.example.org/leitfaden");
    expect(message.attachments).toEqual([
      {
        name: "teilnahmebestaetigung-gruppe-7.md",
        mime: "text/markdown",
        content: confirmationMarkdown(translator("de"), "de", facts),
      },
    ]);
    const md = message.attachments?.[0]?.content ?? "";
    expect(md.startsWith("# Teilnahmebestätigung\n")).toBe(true);
    expect(md).toContain("- **Thema:** Altakten werden überall anders \\*migriert\\* (E-Akte, Archiv)");
    expect(md).toContain("- **Rolle:** Mitglied");
  });

  it("speaks English and says when no time was logged", () => {
    const md = confirmationMarkdown(translator("en"), "en", {
      memberName: "Anna",
      group,
      role: "facilitator",
      minutes: 0,
      zone: "Europe/Berlin",
    });
    expect(md).toContain("# Participation confirmation");
    expect(md).toContain("- **Period:** 2026-12-01 – 2027-01-20");
    expect(md).toContain("- **Role:** Facilitator");
    expect(md).toContain("- **Logged time:** no time logged");
  });
});
