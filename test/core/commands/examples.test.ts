import { textAfterWords, tokenize } from "../../../src/core/commands/tokenize";
import { LANGS, t } from "../../../src/i18n";
import { startConsole } from "../../support/console-harness";

describe("command examples in the reader's language", () => {
  it("shows `/cop help ask` with the German example to German and the English one to English users", async () => {
    const h = await startConsole();
    const german = await h.send("/cop help ask");
    expect(german).toContain("    Beispiel: `/cop ask Wie migriert ihr Altakten in die E-Akte?`");
    await h.send("/cop lang en");
    const english = await h.send("/cop help ask");
    expect(english).toContain(
      "    Example: `/cop ask How do you migrate legacy files into the e-file system?`",
    );
    expect(english.join("\n")).not.toContain("Altakten");
    h.close();
  });

  it("shows the example of a usage error in the reader's language", async () => {
    const h = await startConsole();
    expect(await h.send("/cop lang fr")).toContain("    Beispiel: `/cop lang en`");
    await h.send("/cop lang en");
    expect(await h.send("/cop lang fr")).toContain("    Example: `/cop lang de`");
    h.close();
  });

  it("gives every command an example in each language that its own arguments accept", async () => {
    const h = await startConsole();
    const registry = h.app.bot.registry;
    for (const def of registry.list()) {
      for (const lang of LANGS) {
        const line = t(lang, def.example);
        const tokens = tokenize(line);
        if (!tokens.ok) throw new Error(`${lang} example of ${def.name} does not tokenize: ${line}`);
        const found = registry.match(tokens.value);
        expect({ lang, line, command: found?.def.name }).toEqual({ lang, line, command: def.name });
        const words = found?.words ?? 0;
        const input = def.raw ? [textAfterWords(line, words)] : tokens.value.slice(words);
        expect({ lang, line, parsed: def.args.safeParse(input).success }).toEqual({
          lang,
          line,
          parsed: true,
        });
      }
    }
    h.close();
  });
});
