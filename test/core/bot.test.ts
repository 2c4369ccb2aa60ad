import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole } from "../support/console-harness";

describe("bot core through the console", () => {
  it("answers unknown commands with the closest match and wrong arguments with the usage line", async () => {
    const h = await startConsole();
    expect(await h.send("/cop profil")).toEqual([
      "[#allgemein] (m1) admin: /cop profil",
      "[#allgemein → admin] (m2) copbot: Den Befehl „profil“ kenne ich nicht. Meintest du `/cop profile`?",
    ]);
    const out = await h.send("/cop mod add ben");
    expect(out).toEqual([
      "[#allgemein] (m3) admin: /cop mod add ben",
      "[#allgemein → admin] (m4) copbot: Hier erwarte ich eine Person, z. B. @ben.",
      "    So geht's: `/cop mod add|remove @person · mod list`",
      "    Beispiel: `/cop mod add @ben`",
    ]);
    expect((await h.send("/cop xyzzy"))[1]).toContain("Alle Befehle zeigt `/cop help`.");
    h.close();
  });

  it("shows usage with an example for one command and refuses unknown help topics", async () => {
    const h = await startConsole();
    const out = await h.send("/cop help profile");
    expect(out.slice(1)).toEqual([
      "[#allgemein → admin] (m2) copbot: */cop profile* – Zeigt ein Profil oder setzt Name, Organisation, Kurzbeschreibung, Nennung im Wissensexport und Zeitzone",
      '    So geht\'s: `/cop profile [@person] · profile name|org|bio|tz "Text" (- löscht) · profile credit name|org|anonym`',
      '    Beispiel: `/cop profile org "Stadt Musterhausen"`',
      expect.stringMatching(/^ {6}· Was copbot über dich speichert: dein Profil .* `\/cop privacy export`/),
    ]);
    h.close();
  });

  it("lets admins manage moderators, records it in the audit log, and refuses unknown users", async () => {
    const h = await startConsole();
    await h.send(":as ben", "hallo", ":as admin");
    expect((await h.send("/cop mod add @ben"))[1]).toBe(
      "[#allgemein → admin] (m3) copbot: @ben ist jetzt Moderator:in.",
    );
    expect((await h.send("/cop mod add @nobody"))[1]).toContain("Die Person @nobody kenne ich nicht.");
    const list = await h.send("/cop mod list");
    expect(list).toContain("      • @ben – Moderator:in");
    const audit = await h.send("/cop audit");
    expect(audit.join("\n")).toMatch(/@admin · `command:mod` · console:allgemein/);
    expect(h.app.bot.services.members.get("console:nobody")).toBeUndefined();
    h.close();
  });

  it("keeps quoted arguments together and reports an unclosed quote", async () => {
    const h = await startConsole();
    await h.send('/cop profile bio "Ich arbeite an der E-Akte"');
    expect(h.app.bot.services.members.get("console:admin")?.bio).toBe("Ich arbeite an der E-Akte");
    expect((await h.send('/cop profile bio "offen'))[1]).toContain(
      "Ein Anführungszeichen ist nicht geschlossen",
    );
    expect(h.app.bot.services.members.get("console:admin")?.bio).toBe("Ich arbeite an der E-Akte");
    h.close();
  });

  it("refuses overlong text and keeps what is stored", async () => {
    const h = await startConsole();
    await h.send('/cop profile org "BMI"');
    const out = await h.send(`/cop profile org "${"x".repeat(200)}"`);
    expect(out[1]).toContain("Für org sind höchstens 120 Zeichen erlaubt.");
    const huge = await h.send(`/cop profile bio ${"y".repeat(5000)}`);
    expect(huge[1]).toContain("Der Befehl ist zu lang: höchstens 4000 Zeichen.");
    expect(h.app.bot.services.members.get("console:admin")).toMatchObject({
      organisation: "BMI",
      bio: undefined,
    });
    h.close();
  });

  it("handles a duplicate event once", async () => {
    const h = await startConsole();
    const event = {
      kind: "command" as const,
      id: "console:dup-1",
      platform: "console" as const,
      at: h.clock.now(),
      userId: "console:admin",
      channelId: "console:allgemein",
      isDm: false,
      text: "lang en",
    };
    await h.app.bot.handle(event);
    await h.app.bot.handle(event);
    expect(h.transcript.filter((l) => l.includes("Got it"))).toHaveLength(1);
    h.close();
  });

  it("never crashes on a failing feature: the user gets a friendly message", async () => {
    const h = await startConsole();
    const services = h.app.bot.services;
    jest.spyOn(services.members, "update").mockImplementation(() => {
      throw new Error("disk on fire");
    });
    const out = await h.send("/cop lang en");
    expect(out[1]).toBe(
      "[#allgemein → admin] (m2) copbot: Da ist bei mir etwas schiefgegangen. Es wurde nichts verändert – versuch es bitte gleich noch einmal.",
    );
    h.close();
  });

  it("welcomes a member who joins a channel", async () => {
    const h = await startConsole();
    await h.app.bot.handle({
      kind: "member_joined",
      id: "console:join-1",
      platform: "console",
      at: h.clock.now(),
      userId: "console:carla",
      userName: "carla",
      channelId: "console:allgemein",
      isDm: false,
    });
    expect(h.transcript.at(-1)).toContain("Willkommen in der Community, carla!");
    h.close();
  });
});

describe("core behaviours from review", () => {
  it("derives admins from COPBOT_ADMINS at run time, so removing someone takes the role away", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copbot-admins-"));
    const dbPath = join(dir, "copbot.db");
    const first = await startConsole({ dbPath, env: { COPBOT_ADMINS: "console:ben" } });
    expect((await first.send(":as ben", "/cop audit"))[1]).toContain("Noch keine Moderationsaktionen.");
    first.close();
    const second = await startConsole({ dbPath });
    expect((await second.send(":as ben", "/cop audit"))[1]).toContain("nur Personen mit der Rolle Admin");
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a DM nobody else answered with a hint instead of silence", async () => {
    const h = await startConsole();
    const out = await h.send(":as ben", ":in dm", "hallo copbot");
    expect(out[1]).toContain("Hier im Direktchat verstehe ich Befehle wie `/cop help`.");
    h.close();
  });

  it("welcomes a member once, not in every channel they join", async () => {
    const h = await startConsole();
    const join = (id: string, channel: string) =>
      h.app.bot.handle({
        kind: "member_joined",
        id,
        platform: "console",
        at: h.clock.now(),
        userId: "console:dora",
        userName: "dora",
        channelId: channel,
        isDm: false,
      });
    await join("j1", "console:allgemein");
    await join("j2", "console:fragen");
    expect(h.transcript.filter((l) => l.includes("Willkommen in der Community"))).toHaveLength(1);
    h.close();
  });

  it("lists a command family for `help meeting` and suggests only commands the caller may use", async () => {
    const h = await startConsole();
    const family = await h.send("/cop help meeting");
    expect(family[1]).toContain("Befehle zu „/cop meeting“:");
    expect(family.join("\n")).toContain("`/cop meeting preview`");
    const member = await h.send(":as anna", "/cop md");
    expect(member[1]).not.toContain("/cop mod");
    h.close();
  });

  it("says what is missing in profile arguments", async () => {
    const h = await startConsole();
    expect((await h.send("/cop profile name"))[1]).toContain(
      'Für name fehlt der neue Wert, z. B. profile name "Text".',
    );
    expect((await h.send('/cop profile name "Anna Müller" org "BMI"'))[1]).toContain(
      "Bitte ändere ein Feld pro Befehl: name, org, bio, credit oder tz.",
    );
    h.close();
  });

  it("logs moderator actions with their command line in local time, but not read-only commands", async () => {
    const h = await startConsole();
    await h.send(":as ben", "hi", ":as admin", "/cop mod add @ben", "/cop mod list");
    const out = (await h.send("/cop audit")).join("\n");
    expect(out).toContain("Letzte Moderationsaktionen (Zeiten in Europe/Berlin):");
    expect(out).toContain("2026-11-30 09:00 · @admin · `command:mod` · console:allgemein · mod add @ben");
    expect(out).not.toContain("mod list");
    h.close();
  });
});

describe("third review round", () => {
  it("suggests only near misses and shows the profile hint with the command prefix", async () => {
    const h = await startConsole();
    expect((await h.send("/cop foo"))[1]).toContain(
      "Den Befehl „foo“ kenne ich nicht. Alle Befehle zeigt `/cop help`.",
    );
    expect((await h.send("/cop hlep"))[1]).toContain("Meintest du `/cop help`?");
    expect((await h.send("/cop profile")).join("\n")).toContain('Ändern: `/cop profile name|org|bio "Text"`');
    h.close();
  });
});
