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
      "[#allgemein → admin] (m2) copbot: */cop profile* – Zeigt ein Profil oder setzt Name, Organisation und Kurzbeschreibung",
      '    So geht\'s: `/cop profile [@person] · profile name|org|bio "Text" (- löscht)`',
      '    Beispiel: `/cop profile org "Stadt Musterhausen"`',
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
