import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCopbot } from "../support/copbot-process";

/** Runs copbot on a virtual clock that starts at `start`, with piped input. */
function run(dir: string, start: string, input: string): string {
  const result = runCopbot({
    dir,
    input,
    env: { COPBOT_DB: join(dir, "copbot.db"), COPBOT_CLOCK: "virtual", COPBOT_START: start },
  });
  expect(result.code).toBe(0);
  return result.out;
}

const reminders = (out: string) =>
  out.split("\n").filter((line) => line.includes("copbot: *📅 CoP-Treffen*"));

describe("stopping and restarting the process around a due reminder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-restart-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sends the reminder that came due while copbot was down exactly once, marked late", () => {
    const first = run(
      dir,
      "2026-12-07T08:00:00+01:00",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein\n:clock 2026-12-07T09:40\n',
    );
    expect(first).toContain("Termin #1 „CoP-Treffen“ ist angelegt.");
    expect(reminders(first)).toHaveLength(0);

    // Down from 09:40 to 09:53: the 09:45 reminder is due while nothing runs.
    const second = run(dir, "2026-12-07T09:53:00+01:00", "");
    expect(reminders(second)).toHaveLength(1);
    expect(second).toContain("Beginnt in 7 Minuten: *Mo, 07.12.2026, 10:00–11:00* (Europe/Berlin)");
    expect(second).toContain(
      "⏰ Verspätet: copbot war offline; diese Erinnerung war für Mo, 07.12.2026, 09:45 geplant.",
    );

    // Another restart does not repeat it; the next week's reminders come on time.
    const third = run(dir, "2026-12-07T09:55:00+01:00", ":clock 2026-12-14T09:50\n");
    expect(reminders(third)).toHaveLength(2);
    // "1 day before" a Monday goes out on Friday (#19.9), not on Sunday.
    expect(third).toMatch(
      /⏰ Fri 2026-12-11 10:00\n\[#allgemein\] \(m\d+\) copbot: \*📅 CoP-Treffen\*\n\s+Beginnt in 3 Tagen/,
    );
    expect(third).toMatch(
      /⏰ Mon 2026-12-14 09:45\n\[#allgemein\] \(m\d+\) copbot: \*📅 CoP-Treffen\*\n\s+Beginnt in 15 Minuten/,
    );
    expect(third).not.toContain("07.12.2026");
  });
});
