import { catalogueKeys, de, en, t } from "../../src/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in German and English", () => {
    const keys = catalogueKeys();
    expect(keys.en).toEqual(keys.de);
  });

  it("use the same placeholders in both languages and no empty texts", () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({
        key,
        placeholders: placeholders(de[key]),
      });
      expect(de[key].trim()).not.toBe("");
      expect(en[key].trim()).not.toBe("");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("de", "core.err.text_too_long", { max: 4000 })).toBe(
      "Der Text ist zu lang: höchstens 4000 Zeichen.",
    );
    // @ts-expect-error -- a missing parameter does not compile; should one slip through, it stays visible
    expect(t("en", "core.err.text_too_long")).toBe("The text is too long: {max} characters at most.");
  });
});
