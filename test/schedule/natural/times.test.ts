import { parseTime, readTime } from "../../../src/schedule/natural";
import { t } from "../../../src/i18n";

const time = (text: string) => {
  const result = parseTime(text);
  return result.ok ? result.value : `error ${result.error.params["value"]}`;
};

describe("times of day", () => {
  it.each([
    ["10:30", "10:30"],
    ["9:30", "09:30"],
    ["09:30", "09:30"],
    ["0:00", "00:00"],
    ["23:59", "23:59"],
    ["10 Uhr", "10:00"],
    ["10 uhr", "10:00"],
    ["10Uhr", "10:00"],
    ["10.30 Uhr", "10:30"],
    ["10:30 Uhr", "10:30"],
    ["10.30", "10:30"],
    ["10h", "10:00"],
    ["um 10", "10:00"],
    ["um 10 Uhr", "10:00"],
    ["10am", "10:00"],
    ["10 am", "10:00"],
    ["12am", "00:00"],
    ["12pm", "12:00"],
    ["2:30pm", "14:30"],
    ["2:30 p.m.", "14:30"],
    ["at 7pm", "19:00"],
  ])("reads %s as %s", (text, expected) => {
    expect(time(text)).toBe(expected);
  });

  it.each([
    ["25:00", "25:00"],
    ["24:00", "24:00"],
    ["10:60", "10:60"],
    ["25 Uhr", "25 Uhr"],
    ["13pm", "13pm"],
    ["0am", "0am"],
    ["10", "10"],
    ["zehn", "zehn"],
    ["", ""],
  ])("refuses %s", (text, value) => {
    expect(time(text)).toBe(`error ${value}`);
  });

  it("explains in both languages, naming the missing time", () => {
    const missing = parseTime("", { lang: "en" });
    expect(missing.ok || t("en", missing.error.key, missing.error.params)).toBe(
      "The time is missing, e.g. 10:00, 10am or 2:30pm. Example: 10am",
    );
    const rest = parseTime("10 Uhr morgens");
    expect(rest.ok || t("de", rest.error.key, rest.error.params)).toBe(
      "Verstanden habe ich: um 10:00. „morgens“ ist keine gültige Uhrzeit (00:00 bis 23:59; z. B. 10 Uhr, 10:30, 10.30 Uhr). Beispiel: 10 Uhr",
    );
  });

  it("reads a time inside a command line and says how many words it took", () => {
    expect(readTime(["jeden", "Montag", "um", "10", "Uhr", "in", "#x"], 2)).toEqual({
      ok: true,
      value: { time: "10:00", used: 3 },
    });
  });
});
