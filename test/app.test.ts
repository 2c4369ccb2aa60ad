import { chatPlatforms, platforms } from "../src/app";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the composition root", () => {
  it("knows each platform's command prefix from its descriptor", () => {
    expect(platforms.map((p) => [p.platform, p.commandPrefix])).toEqual([
      ["console", "/cop"],
      ["slack", "/cop"],
      ["matrix", "!cop"],
    ]);
  });

  it("leaves a platform off when its variables are not set", () => {
    for (const platform of chatPlatforms) expect(platform.configFromEnv({})).toBeUndefined();
  });

  it("has each adapter's texts in German and English with the same keys and placeholders", () => {
    for (const { platform, messages } of chatPlatforms) {
      expect({ platform, keys: Object.keys(messages.en).sort() }).toEqual({
        platform,
        keys: Object.keys(messages.de).sort(),
      });
      for (const [key, german] of Object.entries(messages.de)) {
        const english = messages.en[key] ?? "";
        expect({ key, placeholders: placeholders(english) }).toEqual({
          key,
          placeholders: placeholders(german),
        });
        expect(german.trim()).not.toBe("");
        expect(english.trim()).not.toBe("");
      }
    }
  });
});
