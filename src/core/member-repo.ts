import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import type { Lang } from "../i18n";
import type { Clock } from "./clock";
import { ROLES, type Role } from "./roles";

/** How a member is credited where their contributions leave the chat. */
export const CREDITS = ["name", "org", "anonymous"] as const;
export type Credit = (typeof CREDITS)[number];

/** A person in the community, as copbot knows them on one platform. */
export interface Member {
  readonly id: string;
  readonly displayName: string;
  readonly organisation: string | undefined;
  readonly bio: string | undefined;
  /** The member's chosen language; undefined means the community default. */
  readonly lang: Lang | undefined;
  /** Where the member lives (IANA zone) for their quiet hours; undefined: the community's zone. */
  readonly timeZone: string | undefined;
  /** The role stored by copbot (admins from config and platform roles are added on top). */
  readonly role: Role;
  /** How the member is credited outside the chat (knowledge export): name, organisation or not at all. */
  readonly credit: Credit;
  readonly createdAt: Date;
}

/**
 * A member row as the table stores it: written only by this repository from validated input,
 * held to this shape by the schema (001, 009, 011: NOT NULL, CHECK on lang, role and credit).
 * Every event reads its sender's row, so it is not validated again on the way out.
 */
interface StoredMember {
  readonly id: string;
  readonly display_name: string;
  readonly organisation: string | null;
  readonly bio: string | null;
  readonly lang: Lang | null;
  readonly time_zone: string | null;
  readonly role: Role;
  readonly credit: Credit;
  readonly created_at: number;
}

function toMember(row: unknown): Member {
  const r = row as StoredMember;
  return {
    id: r.id,
    displayName: r.display_name,
    organisation: r.organisation ?? undefined,
    bio: r.bio ?? undefined,
    lang: r.lang ?? undefined,
    timeZone: r.time_zone ?? undefined,
    role: r.role,
    credit: r.credit,
    createdAt: new Date(r.created_at),
  };
}

export interface ProfilePatch {
  readonly displayName?: string;
  readonly organisation?: string | null;
  readonly bio?: string | null;
  readonly lang?: Lang;
  readonly timeZone?: string | null;
  readonly credit?: Credit;
}

/** Members repository (real SQLite; input validated at the edge, rows held to their shape by the schema). */
export class MemberRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get(id: string): Member | undefined {
    const row = statement(this.db, "SELECT * FROM members WHERE id = ?").get(id);
    return row === undefined ? undefined : toMember(row);
  }

  /** Returns the member, creating them on first contact; a newly learned display name is kept. */
  ensure(id: string, displayName?: string): Member {
    const now = this.clock.now();
    const existing = this.get(id);
    if (existing) return existing;
    statement(
      this.db,
      "INSERT INTO members (id, display_name, role, created_at, updated_at) VALUES (?, ?, 'member', ?, ?)",
    ).run(id, displayName ?? defaultName(id), now.getTime(), now.getTime());
    return this.get(id) as Member;
  }

  update(id: string, patch: ProfilePatch): Member | undefined {
    const now = this.clock.now();
    const current = this.get(id);
    if (!current) return undefined;
    statement(
      this.db,
      "UPDATE members SET display_name = ?, organisation = ?, bio = ?, lang = ?, time_zone = ?, credit = ?, updated_at = ? WHERE id = ?",
    ).run(
      patch.displayName ?? current.displayName,
      patch.organisation === undefined ? (current.organisation ?? null) : patch.organisation,
      patch.bio === undefined ? (current.bio ?? null) : patch.bio,
      patch.lang ?? current.lang ?? null,
      patch.timeZone === undefined ? (current.timeZone ?? null) : patch.timeZone,
      patch.credit ?? current.credit,
      now.getTime(),
      id,
    );
    return this.get(id);
  }

  setRole(id: string, role: Role): void {
    statement(this.db, "UPDATE members SET role = ?, updated_at = ? WHERE id = ?").run(
      role,
      this.clock.now().getTime(),
      id,
    );
  }

  /** Members with at least the given stored role, by name. */
  withRole(role: Role): Member[] {
    const roles = ROLES.slice(ROLES.indexOf(role));
    return statement(
      this.db,
      `SELECT * FROM members WHERE role IN (${roles.map(() => "?").join(",")}) ORDER BY display_name`,
    )
      .all(...roles)
      .map(toMember);
  }

  /** Finds a member by display name (case-insensitive) on one platform. */
  findByName(platform: string, name: string): Member | undefined {
    const row = statement(
      this.db,
      "SELECT * FROM members WHERE id LIKE ? AND lower(display_name) = lower(?) ORDER BY created_at",
    ).get(`${platform}:%`, name);
    return row === undefined ? undefined : toMember(row);
  }

  all(): Member[] {
    return statement(this.db, "SELECT * FROM members ORDER BY display_name").all().map(toMember);
  }
}

/**
 * A readable fallback name from an id (`slack:U123` -> `U123`); a raw id written `@name:server`
 * shows its local part (`matrix:@a:b` -> `a`).
 */
export function defaultName(id: string): string {
  const raw = id.slice(id.indexOf(":") + 1);
  const localPart = /^@([^:]+):/.exec(raw);
  return localPart?.[1] ?? raw;
}
