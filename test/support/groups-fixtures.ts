import { startConsole, type ConsoleHarness } from "./console-harness";

/** A practice problem long and concrete enough to pass the proposal check. */
export const PROBLEM =
  "Barrierefreie PDF-Formulare scheitern in jeder Behörde an denselben Fehlern bei Tags und Lesereihenfolge.";

/** A second practice problem, for the E-Akte migration guide the story tests propose. */
export const MIGRATION_PROBLEM =
  "Jede Behörde migriert Altakten aus Papier anders in die E-Akte und erfindet Scanregeln, Metadaten und Aussonderung neu.";

/** The fields of the standard proposal "Checkliste PDF", without the due date. */
export const PROPOSAL_FIELDS = `title="Checkliste PDF" problem="${PROBLEM}" deliverable=Checkliste`;

/** The one-line proposal of "Checkliste PDF" due 2027-01-25, with `extra` fields appended. */
export const propose = (extra = ""): string =>
  `/cop group propose ${PROPOSAL_FIELDS} due=2027-01-25 ${extra}`.trim();

/** What copbot printed (with continuation lines), without the users' own lines. */
export function copbot(lines: readonly string[]): string {
  let fromBot = false;
  return lines
    .filter((line) => {
      if (!line.startsWith(" ")) fromBot = line.includes("copbot:");
      return fromBot;
    })
    .join("\n");
}

/** The ref (`m12`) of the first printed line that contains `text`; throws with the transcript when missing. */
export function refOf(lines: readonly string[], text: string): string {
  const ref = /\((m\d+)\)/.exec(lines.find((l) => l.includes(text)) ?? "")?.[1];
  if (!ref) throw new Error(`no message with "${text}" in:\n${lines.join("\n")}`);
  return ref;
}

/** What copbot told `user` by DM among `lines`. */
export const dmTo = (lines: readonly string[], user: string): string =>
  lines.filter((l) => l.startsWith(`[dm ${user}]`)).join("\n");

/**
 * A console session in #allgemein for each test of the enclosing `describe`, closed after it:
 * each of `speakers` speaks in turn (so copbot knows them) and the last one goes on speaking.
 * `use` receives each new session, e.g. `(s) => (h = s)`.
 */
export function groupSessionForEachTest(
  speakers: readonly string[],
  use: (session: ConsoleHarness) => void,
): void {
  let current: ConsoleHarness | undefined;
  beforeEach(async () => {
    current = await startConsole();
    await current.send(...speakers.map((s) => `:as ${s}`), ":in #allgemein");
    use(current);
  });
  afterEach(() => current?.close());
}

/** Everybody speaks once, so copbot knows them; Anna goes on (for `groupSessionForEachTest`). */
export const EVERYONE = ["anna", "ben", "carla", "dora", "emil", "anna"] as const;

/** Anna proposes (with `extra`), Ben and Carla join and Anna starts the group: #1 runs with three. */
export const startWithThree = (h: ConsoleHarness, extra = ""): Promise<string[]> =>
  h.send(
    propose(extra),
    ":as ben",
    "/cop group join 1",
    ":as carla",
    "/cop group join 1",
    ":as anna",
    "/cop group confirm 1",
  );
