import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import type { Clock } from "./clock";

/** A user's active DM dialog, owned by one feature. */
export interface Dialog {
  readonly userId: string;
  readonly owner: string;
  readonly kind: string;
  readonly state: unknown;
}

const DialogRow = z.object({ user_id: z.string(), owner: z.string(), kind: z.string(), state: z.string() });

/**
 * One active dialog per user (a step-by-step form, check-in answers). While it is active the
 * user's DMs go to the owning feature only. Starting a new dialog replaces the old one.
 */
export class DialogRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  start(userId: string, dialog: { owner: string; kind: string; state: unknown }): void {
    statement(
      this.db,
      `INSERT INTO dialogs (user_id, owner, kind, state, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET owner = excluded.owner, kind = excluded.kind,
           state = excluded.state, updated_at = excluded.updated_at`,
    ).run(userId, dialog.owner, dialog.kind, JSON.stringify(dialog.state), this.clock.now().getTime());
  }

  get(userId: string): Dialog | undefined {
    const row = statement(this.db, "SELECT user_id, owner, kind, state FROM dialogs WHERE user_id = ?").get(
      userId,
    );
    if (row === undefined) return undefined;
    const r = DialogRow.parse(row);
    return { userId: r.user_id, owner: r.owner, kind: r.kind, state: JSON.parse(r.state) as unknown };
  }

  update(userId: string, state: unknown): void {
    statement(this.db, "UPDATE dialogs SET state = ?, updated_at = ? WHERE user_id = ?").run(
      JSON.stringify(state),
      this.clock.now().getTime(),
      userId,
    );
  }

  clear(userId: string): void {
    statement(this.db, "DELETE FROM dialogs WHERE user_id = ?").run(userId);
  }
}
