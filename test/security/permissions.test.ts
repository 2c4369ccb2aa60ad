import { de, type MessageKey } from "../../src/i18n";
import { PERMISSIONS, STANDINGS, type Action, type Standing } from "../../src/permissions";
import { buildFixture, PERSON, probe, type Fixture } from "./permission-fixture";

/** Everything copbot says when the permission table says no. */
const DENIALS: readonly MessageKey[] = [
  "core.err.permission",
  "group.err.manage",
  "group.err.notMember",
  "group.confirmation.notMember",
  "meeting.error.notOwner",
  "checkin.error.notOwner",
  "meeting.error.notFound",
  "qa.err.not_yours",
  "qa.err.not_yours_more",
  "checkin.ask.notAllowed",
  "privacy.forget.othersForbidden",
];

/** A message template as a pattern: its placeholders match anything. */
const pattern = (key: MessageKey): RegExp =>
  new RegExp(
    de[key]
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\\\{\w+\\\}/g, ".*")
      .replace(/`/g, "`?"),
  );
const DENIED = DENIALS.map(pattern);

/** Whose object a probe acts on: the actor's own, or somebody else's. */
type Whose = "own" | "other";

/** How one row of the table is tried: the lines an actor sends, and how to tell allowed from denied. */
interface Probe {
  lines(f: Fixture, who: string, whose: Whose): string[];
  /** Allowed when this holds for copbot's reply; default: no denial in it. */
  allowed?(reply: string): boolean;
}

const other = (who: string): string => (who === "mo" ? "admin" : "mo");
const owner = (who: string, whose: Whose): string => (whose === "own" ? who : other(who));
const id = (ids: Readonly<Record<string, number | undefined>>, person: string): number => {
  const value = ids[person];
  if (value === undefined) throw new Error(`no id for ${person}`);
  return value;
};
const plain = (line: string): Probe => ({ lines: () => [line] });

/** One probe per row of the permission table; a row without a probe fails the test. */
const PROBES: Readonly<Record<Action, Probe>> = {
  help: plain("/cop help"),
  lang: plain("/cop lang en"),
  profile: plain("/cop profile @fac"),
  mod: plain("/cop mod list"),
  audit: plain("/cop audit"),
  status: plain("/cop status"),
  "intros join": plain("/cop intros join E-Akte Vergaberecht"),
  "intros leave": plain("/cop intros leave"),
  "intros pause": plain("/cop intros pause until 2027-01-11"),
  "intros schedule": plain("/cop intros schedule every 2 weeks mon 09:00"),
  "intros stats": plain("/cop intros stats"),
  digest: plain("/cop digest in #allgemein mon 09:00"),
  impact: plain("/cop impact"),
  report: plain("/cop report quarter"),
  "export knowledge": plain("/cop export knowledge"),
  "privacy export": plain("/cop privacy export"),
  "privacy forget": {
    lines: (_f, who, whose) => [
      whose === "own" ? "/cop privacy forget" : `/cop privacy forget @${other(who)}`,
    ],
  },
  ask: plain("/cop ask Wie plant ihr Fortbildungen?"),
  away: plain("/cop away until 2027-01-10"),
  search: plain("/cop search Ablage"),
  "search: deleted answers": {
    lines: () => ["/cop search Grabsteinen"],
    allowed: (reply) => reply.includes("Die angenommene Antwort wurde gelöscht"),
  },
  topics: plain("/cop topics"),
  solved: { lines: (f, who, whose) => [`/cop solved #${id(f.questions, owner(who, whose))}`] },
  "qa more (button)": {
    lines: (f, who, whose) => [`:click ${f.routing[owner(who, whose)] ?? ""} qa.more`],
  },
  "qa follow (button)": {
    lines: (f, who, whose) => [`:click ${f.routing[owner(who, whose)] ?? ""} qa.follow`],
  },
  "qa stats": plain("/cop qa stats"),
  "qa open": plain("/cop qa open"),
  "qa channel": plain("/cop qa channel list"),
  "topic alias": plain('/cop topic alias Ablage "Registratur"'),
  "expert add": plain("/cop expert add Vergabe"),
  "expert remove": plain("/cop expert remove Vergabe"),
  "expert list": plain("/cop expert list"),
  "expert cap": plain("/cop expert cap 2"),
  "expert quiet": plain("/cop expert quiet 18:00-08:00"),
  "expert pause": plain("/cop expert pause"),
  "expert resume": plain("/cop expert resume"),
  "meeting add": plain('/cop meeting add "Neu" weekly fri 10:00 in #allgemein'),
  "meeting list": plain("/cop meeting list"),
  "meeting preview": { lines: (f, who) => [`/cop meeting preview ${id(f.meetings, other(who))}`] },
  "meeting ics": { lines: (f, who) => [`/cop meeting ics ${id(f.meetings, other(who))}`] },
  "meeting edit": {
    lines: (f, who, whose) => [`/cop meeting edit ${id(f.meetings, owner(who, whose))} weekly tue 09:30`],
  },
  "meeting pause": { lines: (f, who, whose) => [`/cop meeting pause ${id(f.meetings, owner(who, whose))}`] },
  "meeting resume": {
    lines: (f, who, whose) => [`/cop meeting resume ${id(f.meetings, owner(who, whose))}`],
  },
  "meeting skip": {
    lines: (f, who, whose) => [`/cop meeting skip ${id(f.meetings, owner(who, whose))} 2026-12-02`],
  },
  "meeting delete": {
    lines: (f, who, whose) => [`/cop meeting delete ${id(f.meetings, owner(who, whose))}`],
  },
  "checkin add": plain('/cop checkin add "Neu" weekly fri 10:00 in #team questions "Wie geht es?"'),
  "checkin list": {
    lines: () => ["/cop checkin list"],
    allowed: (reply) => reply.includes("Status: Checkliste PDF"),
  },
  "checkin join": { lines: (f) => [`/cop checkin join ${f.groupCheckin}`] },
  "checkin leave": { lines: (f) => [`/cop checkin leave ${f.groupCheckin}`] },
  "checkin delete": {
    lines: (f, who, whose) => [`/cop checkin delete ${id(f.checkins, owner(who, whose))}`],
  },
  "checkin ask (button)": {
    lines: (f, who, whose) => [`:click ${f.summary} Als Frage stellen (${owner(who, whose)})`],
  },
  "group propose": plain("/cop group propose"),
  "group list": plain("/cop group list"),
  "group join": plain("/cop group join 1"),
  "group leave": plain("/cop group leave 1"),
  "group invitations": plain("/cop group invitations on"),
  "group confirm": plain("/cop group confirm 1"),
  "group status": plain("/cop group status #1 Kapitel 2 steht"),
  "group milestone add": plain("/cop group milestone add #1 2027-01-12 Review"),
  "group milestone done": plain("/cop group milestone done #1 1"),
  "group milestone list": plain("/cop group milestone list #1"),
  "group extend": plain("/cop group extend #1 2027-02-15 Mehr Zeit für das Review"),
  "group facilitator": plain("/cop group facilitator #1 @carla"),
  "group time": plain("/cop group time #1 2h"),
  "group close": plain("/cop group close #1 https://example.org/checkliste"),
  "group reopen": plain("/cop group reopen 1"),
  "group confirmation": plain("/cop group confirmation 2"),
};

/** Every cell with its expectation; an `own` cell is tried on the actor's own and on another's object. */
const CELLS = Object.entries(PERMISSIONS).flatMap(([action, row]) =>
  STANDINGS.flatMap((standing: Standing) => {
    const access = row[standing];
    const whose: Whose[] = access === "own" ? ["own", "other"] : access === "yes" ? ["other"] : ["own"];
    return whose.map((w) => ({
      action: action as Action,
      standing,
      whose: w,
      allowed: access === "yes" || (access === "own" && w === "own"),
    }));
  }),
);

/**
 * The permission table (src/permissions.ts) is what copbot enforces, cell by cell (issue 17):
 * for each row and each standing (admin, moderator, a working group's facilitator, its member,
 * someone not in it) the person runs the command, or presses the button, on a fresh copy of one
 * community; "own" cells both on their own and on somebody else's meeting, check-in, question
 * or data; "no" cells even on their own.
 */
describe("the permission table, enforced in every cell", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  it("has a probe for every row (a new command needs one)", () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(CELLS.map((c) => [`${c.action} · ${c.standing} · ${c.whose}`, c] as const))(
    "%s",
    async (_label, cell) => {
      const who = PERSON[cell.standing];
      const spec = PROBES[cell.action];
      const reply = await probe(fixture, who, spec.lines(fixture, who, cell.whose));
      const allowed = spec.allowed ? spec.allowed(reply) : !DENIED.some((p) => p.test(reply));
      if (allowed !== cell.allowed) {
        throw new Error(
          `${cell.action} by ${cell.standing} (${cell.whose}): expected ${cell.allowed ? "allowed" : "denied"}, copbot said:\n${reply}`,
        );
      }
      // An allowed action answers something: the person is never left without a word.
      if (cell.allowed) expect(reply).not.toBe("");
    },
  );
});
