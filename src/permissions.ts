import type { Role } from "./core/roles";

/**
 * Who may do what: one row per command (or sub-command where they differ), one column per
 * standing. The command registry takes each command's required community role from here, and
 * the features ask `permits` for the finer checks (whose meeting, which group), so this table
 * is the single source of permissions; the README shows it (`npm run docs`) and
 * test/security/permissions.test.ts drives every cell through copbot.
 *
 * Columns: `admin` and `moderator` are community roles. `facilitator`, `member` and
 * `outsider` are a person's seat in the working group the command is about (or in the group
 * that owns a check-in): its facilitator, a member, or not in it. For commands about no group
 * everybody counts as `member`.
 *
 * Cells: `yes`; `own`: only on what the person created or is about themselves (their meeting,
 * their question, their own data); `no`.
 */
export const STANDINGS = ["admin", "moderator", "facilitator", "member", "outsider"] as const;
export type Standing = (typeof STANDINGS)[number];
export type Access = "yes" | "own" | "no";
export type PermissionRow = Readonly<Record<Standing, Access>>;

const row = (admin: Access, moderator: Access, facilitator: Access, member: Access, outsider: Access) =>
  ({ admin, moderator, facilitator, member, outsider }) as const;
const EVERYONE = row("yes", "yes", "yes", "yes", "yes");
const MODERATORS = row("yes", "yes", "no", "no", "no");
const ADMINS = row("yes", "no", "no", "no", "no");
/** Moderators on everything, everyone else on their own. */
const OWN = row("yes", "yes", "own", "own", "own");
/** A group's facilitator and the moderators. */
const MANAGERS = row("yes", "yes", "yes", "no", "no");
/** Everyone in the group and the moderators, nobody outside it. */
const INSIDERS = row("yes", "yes", "yes", "yes", "no");

export const PERMISSIONS = {
  help: EVERYONE,
  lang: EVERYONE,
  profile: EVERYONE,
  mod: ADMINS,
  audit: ADMINS,
  status: MODERATORS,
  "privacy export": EVERYONE,
  "privacy forget": OWN,
  ask: EVERYONE,
  away: EVERYONE,
  search: EVERYONE,
  "search: deleted answers": MODERATORS,
  topics: EVERYONE,
  solved: OWN,
  "qa more (button)": OWN,
  "qa follow (button)": EVERYONE,
  "qa stats": EVERYONE,
  "qa open": MODERATORS,
  "qa channel": MODERATORS,
  "topic alias": MODERATORS,
  "expert add": EVERYONE,
  "expert remove": EVERYONE,
  "expert list": EVERYONE,
  "expert cap": EVERYONE,
  "expert quiet": EVERYONE,
  "expert pause": EVERYONE,
  "expert resume": EVERYONE,
  "meeting add": MODERATORS,
  "meeting list": EVERYONE,
  "meeting preview": EVERYONE,
  "meeting ics": EVERYONE,
  "meeting edit": OWN,
  "meeting pause": MODERATORS,
  "meeting resume": MODERATORS,
  "meeting skip": MODERATORS,
  "meeting delete": MODERATORS,
  "checkin add": MODERATORS,
  "checkin list": INSIDERS,
  "checkin join": INSIDERS,
  "checkin leave": INSIDERS,
  "checkin delete": OWN,
  "checkin ask (button)": OWN,
  "group propose": EVERYONE,
  "group list": EVERYONE,
  "group join": EVERYONE,
  "group leave": EVERYONE,
  "group invitations": EVERYONE,
  "group confirm": MANAGERS,
  "group status": INSIDERS,
  "group milestone add": MANAGERS,
  "group milestone done": MANAGERS,
  "group milestone list": INSIDERS,
  "group extend": MANAGERS,
  "group facilitator": MANAGERS,
  "group time": row("no", "no", "yes", "yes", "no"),
  "group close": MANAGERS,
  "group reopen": MANAGERS,
  "group confirmation": row("no", "no", "yes", "yes", "no"),
  "intros join": EVERYONE,
  "intros leave": EVERYONE,
  "intros pause": EVERYONE,
  "intros schedule": MODERATORS,
  "intros stats": MODERATORS,
  digest: MODERATORS,
  impact: EVERYONE,
  report: MODERATORS,
  "export knowledge": MODERATORS,
} as const satisfies Readonly<Record<string, PermissionRow>>;

export type Action = keyof typeof PERMISSIONS;

/** Where someone stands for one action: their role, their seat in the group, whether it is theirs. */
export interface ActorStanding {
  readonly role: Role;
  /** For an action on a working group or a group's check-in: the actor's seat in that group. */
  readonly seat?: "facilitator" | "member" | "outsider";
  /** For an action on something one person owns (a meeting, a question): whether it is the actor's. */
  readonly owns?: boolean;
}

/** True when the table lets someone with this standing do `action`. */
export function permits(action: Action, standing: ActorStanding): boolean {
  const cells: PermissionRow = PERMISSIONS[action];
  const columns: Standing[] = [standing.seat ?? "member"];
  if (standing.role !== "member") columns.push(standing.role);
  return columns.some((c) => cells[c] === "yes" || (cells[c] === "own" && standing.owns === true));
}

/** True when `name` is a row of the table. */
export function isAction(name: string): name is Action {
  return Object.hasOwn(PERMISSIONS, name);
}

/**
 * The weakest community role that may run a command at all (its rows, sub-commands included):
 * anything open to a group's members is open to every member, who are then checked by seat.
 */
export function requiredRole(command: string): Role {
  const rows = Object.entries(PERMISSIONS)
    .filter(([name]) => name === command || name.startsWith(`${command} `))
    .map(([, cells]): PermissionRow => cells);
  if (rows.length === 0) throw new Error(`no permission row for the command ${command}`);
  const open = (c: Access) => c !== "no";
  if (rows.some((r) => open(r.facilitator) || open(r.member) || open(r.outsider))) return "member";
  if (rows.some((r) => open(r.moderator))) return "moderator";
  return "admin";
}
