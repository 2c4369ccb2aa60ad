import type { Role } from "../../src/core/roles";

/** How long a workspace role is trusted before Slack is asked again (admins can be demoted). */
export const ROLE_CACHE_MS = 5 * 60_000;

/** The fields of a `users.info` user that decide the role. */
export interface SlackRoleFields {
  readonly is_owner?: boolean;
  readonly is_admin?: boolean;
  readonly deleted?: boolean;
}

/**
 * Workspace owners and admins count as copbot moderators (never admins: that stays with
 * `COPBOT_ADMINS`). Remembers what `users.info` said per user for a few minutes, on the
 * injected clock, because every inbound event asks for the sender's role.
 */
export class WorkspaceRoles {
  private readonly known = new Map<string, { readonly role: Role | undefined; readonly at: number }>();

  constructor(private readonly now: () => number) {}

  /** Records what Slack reported for a user (copbot id). */
  remember(userId: string, user: SlackRoleFields): void {
    const admin = user.deleted !== true && (user.is_owner === true || user.is_admin === true);
    this.known.set(userId, { role: admin ? "moderator" : undefined, at: this.now() });
  }

  /** The remembered role while it is fresh; `stale` when Slack must be asked (again). */
  lookup(userId: string): { readonly role: Role | undefined } | "stale" {
    const entry = this.known.get(userId);
    if (entry === undefined || this.now() - entry.at >= ROLE_CACHE_MS) return "stale";
    return { role: entry.role };
  }
}
