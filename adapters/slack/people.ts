import type { webApi } from "@slack/bolt";
import { rawId } from "../../src/core/ids";
import type { UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";
import { slackErrorCode, toPlatformError } from "./errors";
import { WorkspaceRoles } from "./workspace-roles";

/**
 * What Slack says about people (`users.info`): profile, display name and workspace role. One
 * lookup feeds all three, so names and roles are remembered from every answer.
 */
export class SlackPeople {
  private readonly names = new Map<string, string | undefined>();
  private readonly roles: WorkspaceRoles;

  constructor(
    private readonly client: webApi.WebClient,
    now: () => number,
  ) {
    this.roles = new WorkspaceRoles(now);
  }

  /** The profile of a copbot user id; undefined when Slack does not know the user. */
  async info(userId: string): Promise<UserInfo | undefined> {
    try {
      const { user } = await this.client.users.info({ user: rawId(userId) });
      if (!user) return undefined;
      const displayName =
        user.profile?.display_name || user.profile?.real_name || user.real_name || user.name;
      this.names.set(userId, displayName);
      this.roles.remember(userId, user);
      return {
        ...(displayName ? { displayName } : {}),
        ...(user.tz ? { timeZone: user.tz } : {}),
      };
    } catch (error) {
      if (slackErrorCode(error) === "user_not_found") return undefined;
      throw toPlatformError(error, "users.info");
    }
  }

  /**
   * A member's display name for inbound events, looked up once per user: Slack events carry
   * only ids. Failures give undefined; the event goes on without a name.
   */
  async nameOf(userId: string): Promise<string | undefined> {
    if (this.names.has(userId)) return this.names.get(userId);
    try {
      const name = (await this.info(userId))?.displayName;
      this.names.set(userId, name);
      return name;
    } catch {
      return undefined;
    }
  }

  /**
   * Workspace owners and admins moderate copbot (see `WorkspaceRoles`). When Slack cannot be
   * asked, no role is granted: a failure must not keep a demoted admin's rights.
   */
  async role(userId: string): Promise<Role | undefined> {
    const known = this.roles.lookup(userId);
    if (known !== "stale") return known.role;
    try {
      await this.info(userId);
    } catch {
      return undefined;
    }
    const fresh = this.roles.lookup(userId);
    return fresh === "stale" ? undefined : fresh.role;
  }
}
