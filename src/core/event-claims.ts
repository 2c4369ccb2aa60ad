import type { ProcessedEventRepo, SeenEvent } from "./processed-event-repo";

interface Claim extends SeenEvent {
  readonly resolve: (first: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The duplicate check of inbound events, committed in groups: every id claimed in one turn of
 * the event loop is recorded in one transaction at the end of that turn, so under load many
 * events share one commit instead of one commit each. A claim resolves only once its id is
 * committed, so an event is routed only after its id is stored — as with a commit of its own.
 */
export class EventClaims {
  private pending: Claim[] = [];

  constructor(private readonly repo: ProcessedEventRepo) {}

  /** Resolves true the first time `id` is claimed, ever; false for a repeat. */
  claim(id: string, at: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ id, at, resolve, reject });
    });
  }

  /** Commits the claims made so far now (a failing commit rejects each of them). */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let first: boolean[];
    try {
      first = this.repo.firstSeenAll(batch);
    } catch (error) {
      for (const claim of batch) claim.reject(error);
      return;
    }
    batch.forEach((claim, i) => claim.resolve(first[i] === true));
  }
}
