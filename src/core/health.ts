import { databaseFailure } from "../../db/failure";
import type { DatabaseError } from "./errors";

/** One readiness check: ok or not, with a short reason. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly detail?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, ProbeResult>>;
}

/**
 * The process's health: readiness checks registered by whoever knows (platforms, database,
 * outbox), the stop that turns readiness off at once, and the one way out for a broken
 * database — the first such error anywhere ends the process with a clear line instead of
 * failing every event on its own.
 */
export class Health {
  private readonly probes = new Map<string, () => ProbeResult>();
  private readonly listeners: ((error: DatabaseError) => void)[] = [];
  private stopping = false;
  private brokenBy: DatabaseError | undefined;

  constructor(private readonly dbPath: string) {}

  /** Adds (or replaces) a readiness check. */
  probe(name: string, check: () => ProbeResult): void {
    this.probes.set(name, check);
  }

  readiness(): Readiness {
    const checks: Record<string, ProbeResult> = {};
    for (const [name, check] of this.probes) {
      try {
        checks[name] = check();
      } catch (error) {
        checks[name] = { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    }
    if (this.stopping) checks["stopping"] = { ok: false, detail: "copbot is shutting down" };
    if (this.brokenBy) checks["database"] = { ok: false, detail: this.brokenBy.message };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  /** From now on copbot is not ready (it is shutting down). */
  markStopping(): void {
    this.stopping = true;
  }

  /**
   * True when `error` means the database is unusable; the first one is reported to the
   * `onFatal` listeners (the process then stops). Other errors are the caller's to handle.
   */
  fatal(error: unknown): boolean {
    const broken = databaseFailure(error, this.dbPath);
    if (!broken) return false;
    if (!this.brokenBy) {
      this.brokenBy = broken;
      for (const listener of this.listeners) listener(broken);
    }
    return true;
  }

  onFatal(listener: (error: DatabaseError) => void): void {
    this.listeners.push(listener);
    if (this.brokenBy) listener(this.brokenBy);
  }

  /** The error that broke the database, if one did. */
  get broken(): DatabaseError | undefined {
    return this.brokenBy;
  }
}
