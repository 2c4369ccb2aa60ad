import Database from "better-sqlite3";
import { loadMigrations, migrate, type Db } from "../../db/open";
import { normalizeTopic } from "../../src/qa/normalize-topic";
import { foldUmlauts } from "../../src/qa/text";
import { seeded } from "../measure";
import { DOMAINS, FIRST_NAMES, LAST_NAMES, PLACES } from "./lexicon";
import { answerText, Dice, pickDomain, questionText } from "./text";

/** The community the benchmarks run against, as the issue describes it. */
export const COMMUNITY = {
  members: 5000,
  organisations: 300,
  experts: 2000,
  schedules: 500,
  groups: 50,
} as const;

/** The size of a generated community (smaller ones for the smoke test). */
export type CommunitySize = { readonly [K in keyof typeof COMMUNITY]: number };

/** The benchmark's "now": Monday 09:00 in Berlin; the history lies in the two years before. */
export const NOW = new Date("2026-12-07T09:00:00+01:00");
const HISTORY_MS = 730 * 86_400_000;
const HOUR = 3_600_000;

/**
 * The schema the cache is written in. The cache stays valid while the code changes: opening a
 * copy migrates it like a real community's database would be on upgrade.
 */
export const CACHE_SCHEMA_VERSION = 5;

export const QA_CHANNELS = ["console:fragen", "console:fragen-it", "console:fragen-recht"] as const;

export const memberId = (i: number): string => `console:m${String(i).padStart(4, "0")}`;

interface Expertise {
  /** Per domain: expert numbers and their cumulative activity (a few experts answer most). */
  readonly byDomain: { ids: number[]; cumulative: number[] }[];
}

function weightedPick(dice: Dice, pool: { ids: number[]; cumulative: number[] }): number {
  const total = pool.cumulative[pool.cumulative.length - 1] ?? 0;
  const r = dice.next() * total;
  let lo = 0;
  let hi = pool.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pool.cumulative[mid] ?? 0) < r) lo = mid + 1;
    else hi = mid;
  }
  return pool.ids[lo] ?? 1;
}

const ALIASES: readonly [string, string][] = [
  ["E-Akte", "elektronische Akte"],
  ["XRechnung", "Rechnung elektronisch"],
  ["Datenschutz", "Privatsphäre"],
  ["KI", "AI"],
  ["Homeoffice", "Heimarbeit"],
  ["Cloud", "Wolke"],
  ["Barrierefreiheit", "Zugänglichkeit"],
  ["Fördermittel", "Förderung"],
  ["Geodaten", "Geoinformation"],
  ["Vergabe", "öffentlicher Einkauf"],
];

function insertMembers(db: Db, dice: Dice, size: CommunitySize): void {
  const insert = db.prepare(
    "INSERT INTO members (id, display_name, organisation, lang, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const joined = NOW.getTime() - HISTORY_MS - 30 * 86_400_000;
  for (let i = 1; i <= size.members; i++) {
    const org = dice.int(size.organisations);
    const name = `${dice.pick(FIRST_NAMES)} ${dice.pick(LAST_NAMES)}`;
    const role = i <= 8 ? "moderator" : "member";
    const place = `${PLACES[org % PLACES.length] ?? ""} ${Math.floor(org / PLACES.length) + 1}`;
    insert.run(memberId(i), name, place, dice.chance(0.1) ? "en" : null, role, joined, joined);
  }
}

/** Registers 2,000 experts with 1–4 topics each, their settings and topic documents. */
function insertExperts(db: Db, dice: Dice, size: CommunitySize): Expertise {
  const topic = db.prepare(
    "INSERT OR IGNORE INTO qa_expert_topics (member_id, topic, label, added_at) VALUES (?, ?, ?, ?)",
  );
  const doc = db.prepare("INSERT INTO qa_expert_docs (member_id, source, text) VALUES (?, ?, ?)");
  const label = db.prepare("INSERT OR IGNORE INTO qa_topic_labels (topic, label) VALUES (?, ?)");
  const settings = db.prepare(
    `INSERT INTO qa_expert_settings (member_id, away_until, weekly_cap, quiet_start, quiet_end, opted_out)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const alias = db.prepare(
    "INSERT INTO qa_topic_aliases (alias, label, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  for (const domain of DOMAINS) for (const t of domain.topics) label.run(normalizeTopic(t), t);
  for (const [t, a] of ALIASES)
    alias.run(normalizeTopic(a), a, normalizeTopic(t), memberId(1), NOW.getTime());
  const byDomain = DOMAINS.map(() => ({ ids: [] as number[], cumulative: [] as number[] }));
  const since = NOW.getTime() - HISTORY_MS;
  for (let i = 1; i <= size.experts; i++) {
    const primary = pickDomain(dice);
    const domains = dice.chance(0.35) ? [primary, pickDomain(dice)] : [primary];
    const count = 1 + dice.int(4);
    const at = since + dice.int(HISTORY_MS / 2);
    for (let k = 0; k < count; k++) {
      const d = DOMAINS[domains[k % domains.length] ?? primary] ?? DOMAINS[0];
      const raw = dice.pick(d?.topics ?? []);
      const key = normalizeTopic(raw);
      if (topic.run(memberId(i), key, raw, at).changes > 0)
        doc.run(memberId(i), `topic:${key}`, foldUmlauts(raw));
    }
    // A few experts answer a lot, most now and then.
    const activity = Math.min(50, 1 / Math.max(0.02, dice.next()) ** 0.9);
    for (const d of new Set(domains)) {
      const pool = byDomain[d];
      if (!pool) continue;
      pool.ids.push(i);
      pool.cumulative.push((pool.cumulative[pool.cumulative.length - 1] ?? 0) + activity);
    }
    const roll = dice.next();
    if (roll < 0.28) {
      const away = roll < 0.04 ? NOW.getTime() + 30 * 86_400_000 : null;
      const cap = roll < 0.12 ? 2 : roll < 0.17 ? 5 : 3;
      const quiet = roll >= 0.17 && roll < 0.26;
      settings.run(
        memberId(i),
        away,
        cap,
        quiet ? "18:00" : null,
        quiet ? "08:00" : null,
        roll >= 0.27 ? 1 : 0,
      );
    }
  }
  return { byDomain };
}

/** A sent outbox row of a realistic size (copbot's routing and "solved" posts). */
function outboxMessage(text: string): string {
  return JSON.stringify({
    blocks: [
      { kind: "text", inlines: ["Ähnliche gelöste Fragen:"] },
      { kind: "list", items: [[text.slice(0, 120)], ["Aktenplan und Scan – so haben wir es gemacht"]] },
      {
        kind: "context",
        inlines: ["Antworte im Thread; ✅ auf die hilfreiche Antwort markiert die Frage als gelöst."],
      },
    ],
    buttons: [
      { action: "qa.solved", label: "Gelöst", style: "primary" },
      { action: "qa.more", label: "Weitere Expert:innen" },
    ],
  });
}

function insertQuestions(
  db: Db,
  dice: Dice,
  expertise: Expertise,
  solved: number,
  log: (s: string) => void,
  size: CommunitySize,
): void {
  const question = db.prepare(
    `INSERT INTO qa_questions (id, asker_id, channel_id, message_id, text, status, asked_at, first_answer_at,
       solved_at, solved_by, accepted_message_id, accepted_author_id, accepted_text, escalation_stage, nudged)
     VALUES (@id, @asker, @channel, @message, @text, @status, @asked, @first, @solvedAt, @solvedBy, @acceptedMessage,
       @acceptedAuthor, @acceptedText, 0, 0)`,
  );
  const answer = db.prepare(
    "INSERT OR IGNORE INTO qa_answers (question_id, message_id, author_id, text, at) VALUES (?, ?, ?, ?, ?)",
  );
  const ping = db.prepare(
    "INSERT OR IGNORE INTO qa_pings (member_id, question_id, purpose, at) VALUES (?, ?, 'question', ?)",
  );
  const doc = db.prepare("INSERT INTO qa_expert_docs (member_id, source, text) VALUES (?, ?, ?)");
  const knowledge = db.prepare(
    `INSERT INTO qa_knowledge (kind, source_id, title, body, channel_id, message_id, at)
     VALUES ('question', ?, ?, ?, ?, ?, ?)`,
  );
  const outbox = db.prepare(
    `INSERT INTO outbox (platform, op, key, target, message, state, attempts, next_attempt_at, posted_channel,
       posted_message, created_at, sent_at) VALUES ('console', 'post', ?, ?, ?, 'sent', 1, ?, ?, ?, ?, ?)`,
  );
  const job = db.prepare(
    `INSERT INTO jobs (kind, key, run_at, payload, state, attempts, created_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = NOW.getTime() - HISTORY_MS;
  // About one question in a hundred is still open.
  const total = solved + Math.floor(solved / 100);
  let id = 0;
  let written = 0;
  const batch = db.transaction((count: number) => {
    for (let n = 0; n < count; n++) {
      id += 1;
      const open = id % 101 === 0;
      const d = pickDomain(dice);
      const domain = DOMAINS[d] ?? DOMAINS[0];
      const pool = expertise.byDomain[d] ?? { ids: [1], cumulative: [1] };
      if (!domain) continue;
      const askedAt = Math.min(
        NOW.getTime() - 2 * HOUR,
        start + Math.floor((id / total) * HISTORY_MS) + dice.int(HOUR),
      );
      const asker = 1 + dice.int(size.members);
      const channel = QA_CHANNELS[dice.zipf(QA_CHANNELS.length)] ?? QA_CHANNELS[0];
      const text = questionText(dice, domain);
      const roll = dice.next();
      let author =
        roll < 0.8
          ? weightedPick(dice, pool)
          : roll < 0.92
            ? 1 + dice.int(size.experts)
            : 1 + dice.int(size.members);
      if (author === asker) author = asker === 1 ? 2 : asker - 1;
      const firstAt = askedAt + HOUR / 4 + dice.int(30 * HOUR);
      const solvedAt = firstAt + dice.int(48 * HOUR);
      const body = answerText(dice, domain);
      const pinged = new Set<number>();
      for (let k = 0; k < 3 && pinged.size < pool.ids.length; k++) {
        const e = weightedPick(dice, pool);
        if (e !== asker) pinged.add(e);
      }
      if (open) {
        question.run({
          id,
          asker: memberId(asker),
          channel,
          message: `q${id}`,
          text,
          status: "open",
          asked: askedAt,
          first: null,
          solvedAt: null,
          solvedBy: null,
          acceptedMessage: null,
          acceptedAuthor: null,
          acceptedText: null,
        });
        for (const e of pinged) ping.run(memberId(e), id, askedAt);
        continue;
      }
      question.run({
        id,
        asker: memberId(asker),
        channel,
        message: `q${id}`,
        text,
        status: "solved",
        asked: askedAt,
        first: firstAt,
        solvedAt,
        solvedBy: memberId(asker),
        acceptedMessage: `a${id}`,
        acceptedAuthor: memberId(author),
        acceptedText: body,
      });
      for (const e of pinged) ping.run(memberId(e), id, askedAt);
      answer.run(id, `a${id}`, memberId(author), body, firstAt);
      const others = dice.int(3);
      for (let k = 0; k < others; k++) {
        const other = dice.chance(0.5)
          ? ([...pinged][k] ?? 1 + dice.int(size.members))
          : 1 + dice.int(size.members);
        if (other === asker) continue;
        const reply = dice.chance(0.25) ? "+1, würde mich auch interessieren" : answerText(dice, domain);
        answer.run(id, `a${id}_${k}`, memberId(other), reply, firstAt + (k + 1) * HOUR);
      }
      doc.run(memberId(author), `question:${id}`, foldUmlauts(text));
      knowledge.run(String(id), text.normalize("NFC"), body.normalize("NFC"), channel, `q${id}`, solvedAt);
      const thread = JSON.stringify({ kind: "channel", channelId: channel, threadId: `q${id}` });
      outbox.run(`qa.route:${id}`, thread, outboxMessage(text), askedAt, channel, `r${id}`, askedAt, askedAt);
      outbox.run(
        `qa.solved:${id}`,
        thread,
        outboxMessage(body),
        solvedAt,
        channel,
        `s${id}`,
        solvedAt,
        solvedAt,
      );
      const payload = JSON.stringify({ questionId: id, stage: 1 });
      job.run(
        "qa.escalate",
        `qa.escalate:${id}:1`,
        askedAt + 24 * HOUR,
        payload,
        "cancelled",
        0,
        askedAt,
        null,
      );
      job.run(
        "qa.nudge",
        `qa.nudge:${id}`,
        firstAt + 24 * HOUR,
        JSON.stringify({ questionId: id }),
        "done",
        1,
        firstAt,
        firstAt + 24 * HOUR,
      );
      written += 1;
    }
  });
  while (id < total) {
    batch(Math.min(5000, total - id));
    log(`  ${written.toLocaleString("en")} solved questions`);
  }
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/** 500 schedules (meetings and check-ins) with two years of ledger and finished reminder jobs. */
function insertSchedules(db: Db, dice: Dice, size: CommunitySize): void {
  const meeting = db.prepare(
    `INSERT INTO meetings (id, title, channel_id, schedule, duration_min, remind, link, created_by, created_at)
     VALUES (?, ?, ?, ?, 60, '[1440,15]', NULL, ?, ?)`,
  );
  const checkin = db.prepare(
    `INSERT INTO checkins (id, title, channel_id, schedule, questions, deadline_min, created_by, created_at)
     VALUES (?, ?, ?, ?, '["Woran arbeitest du?","Wo brauchst du Hilfe?"]', 240, ?, ?)`,
  );
  const participant = db.prepare(
    "INSERT OR IGNORE INTO checkin_participants (checkin_id, member_id, joined_at) VALUES (?, ?, ?)",
  );
  const ledger = db.prepare(
    `INSERT OR IGNORE INTO occurrence_ledger (key, series, local_at, step, outcome, due_at, done_at, details)
     VALUES (?, ?, ?, ?, 'sent', ?, ?, NULL)`,
  );
  const job = db.prepare(
    `INSERT OR IGNORE INTO jobs (kind, key, run_at, payload, state, attempts, created_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const created = NOW.getTime() - HISTORY_MS;
  db.transaction(() => {
    for (let i = 1; i <= size.schedules; i++) {
      const weekday = dice.int(WEEKDAYS.length);
      const hour = 8 + dice.int(9);
      const time = `${String(hour).padStart(2, "0")}:${dice.pick(["00", "15", "30", "45"])}`;
      const schedule = JSON.stringify({
        recurrence: { kind: "weekly", weekday: WEEKDAYS[weekday], interval: 1, time },
        zone: "Europe/Berlin",
        start: "2024-12-02",
      });
      const isMeeting = i <= Math.round(size.schedules * 0.7);
      const id = isMeeting ? i : i - Math.round(size.schedules * 0.7);
      const channel = `console:kanal${i % 60}`;
      const owner = memberId(1 + (i % 8));
      if (isMeeting) meeting.run(id, `Runde ${i}`, channel, schedule, owner, created);
      else {
        checkin.run(id, `Check-in ${i}`, channel, schedule, owner, created);
        for (let k = 0; k < 5 + dice.int(15); k++)
          participant.run(id, memberId(1 + dice.int(size.members)), created);
      }
      const series = isMeeting ? `meeting:${id}` : `checkin:${id}`;
      // One ledger row and one finished job per weekly occurrence step in the past two years.
      const first = Date.parse("2024-12-02T00:00:00+01:00") + weekday * 86_400_000 + hour * HOUR;
      for (let at = first; at < NOW.getTime(); at += 7 * 86_400_000) {
        const local = new Date(at + HOUR).toISOString().slice(0, 16);
        for (const step of isMeeting ? ["1440m", "15m"] : ["prompt", "summary"]) {
          const key = `${series}:${local}:${step}`;
          ledger.run(key, series, local, step, at, at);
          job.run(
            isMeeting ? "meeting.remind" : "checkin.prompt",
            `${key}@1`,
            at,
            "{}",
            "done",
            1,
            at - 86_400_000,
            at,
          );
        }
      }
    }
  })();
}

/** 50 working groups in every state, 3–7 members each. */
function insertGroups(db: Db, dice: Dice, size: CommunitySize): void {
  const group = db.prepare(
    `INSERT INTO work_groups (id, title, problem, deliverable, due_date, min_size, max_size, topics, facilitator_id,
       proposer_id, channel_id, state, signup_deadline, created_at)
     VALUES (?, ?, ?, 'Leitfaden', '2027-02-15', 3, 7, ?, ?, ?, 'console:allgemein', ?, ?, ?)`,
  );
  const member = db.prepare(
    `INSERT OR IGNORE INTO work_group_members (group_id, member_id, role, state, since, joined_at)
     VALUES (?, ?, ?, 'joined', ?, ?)`,
  );
  const states = ["proposed", "forming", "running", "running", "closed", "expired"] as const;
  db.transaction(() => {
    for (let i = 1; i <= size.groups; i++) {
      const domain = DOMAINS[pickDomain(dice)] ?? DOMAINS[0];
      const facilitator = memberId(1 + dice.int(size.experts));
      const at = NOW.getTime() - dice.int(120) * 86_400_000;
      group.run(
        i,
        `AG ${domain?.topics[0] ?? "Wissen"} ${i}`,
        `Wir wollen ${domain?.words[0] ?? "Wissen"} gemeinsam verbessern, weil jede Behörde es neu erfindet.`,
        JSON.stringify(domain?.topics.slice(0, 2) ?? []),
        facilitator,
        facilitator,
        states[i % states.length],
        at + 14 * 86_400_000,
        at,
      );
      member.run(i, facilitator, "facilitator", at, at);
      for (let k = 0; k < 2 + dice.int(5); k++)
        member.run(i, memberId(1 + dice.int(size.members)), "member", at, at);
    }
  })();
}

/**
 * Writes the seeded community with `solved` solved questions into a new database file at
 * `path`, in schema version 5. Deterministic: the same `solved` always gives the same data.
 */
export function generateDataset(
  path: string,
  solved: number,
  log: (s: string) => void = () => {},
  size: CommunitySize = COMMUNITY,
): void {
  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  migrate(
    db,
    loadMigrations().filter((m) => m.version <= CACHE_SCHEMA_VERSION),
  );
  const people = new Dice(seeded(1));
  db.transaction(() => {
    insertMembers(db, people, size);
    for (const channel of QA_CHANNELS) {
      db.prepare("INSERT INTO qa_channels (channel_id, added_by, added_at) VALUES (?, ?, ?)").run(
        channel,
        memberId(1),
        NOW.getTime() - HISTORY_MS,
      );
    }
  })();
  const expertise = db.transaction(() => insertExperts(db, people, size))();
  insertQuestions(db, new Dice(seeded(2)), expertise, solved, log, size);
  insertSchedules(db, new Dice(seeded(3)), size);
  insertGroups(db, new Dice(seeded(4)), size);
  db.close();
}
