import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { column, rowReader } from "../../db/rows";
import type { Clock } from "./clock";

export interface AuditEntry {
  readonly at: Date;
  readonly actorId: string;
  readonly action: string;
  readonly target: string | undefined;
  readonly details: string | undefined;
}

const toEntry: (row: unknown) => AuditEntry = rowReader({
  at: column.date,
  actor_id: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.string().nullable(),
});

/** Append-only log of moderator actions: who did what, when. */
export class AuditRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(actorId: string, action: string, target?: string, details?: unknown): void {
    statement(
      this.db,
      "INSERT INTO audit_log (at, actor_id, action, target, details) VALUES (?, ?, ?, ?, ?)",
    ).run(
      this.clock.now().getTime(),
      actorId,
      action,
      target ?? null,
      details === undefined ? null : JSON.stringify(details),
    );
  }

  /** Newest first. */
  recent(limit = 50): AuditEntry[] {
    return statement(this.db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?").all(limit).map(toEntry);
  }
}
