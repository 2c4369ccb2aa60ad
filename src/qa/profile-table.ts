import type { ProfileRecord } from "./expert-index-repo";

/**
 * The expert index's profiles by member number (expert-index.ts). The array is kept without
 * gaps: numbers are handed out in any order, and a sparse array turns into a slow dictionary,
 * read thousands of times per question. Each expert's history score is also kept in a typed
 * array, NaN for everyone else: every match of a question reads it, and one typed array is read
 * much faster than thousands of scattered objects.
 */
export class ProfileTable {
  private profiles: (ProfileRecord | undefined)[] = [];
  private histories = new Float64Array(0);

  /** Puts a member's profile (undefined: none) at their number. */
  set(n: number, profile: ProfileRecord | undefined): void {
    while (this.profiles.length < n) this.profiles.push(undefined);
    this.profiles[n] = profile;
    if (n >= this.histories.length) {
      const histories = new Float64Array(Math.max(64, (n + 1) * 2)).fill(Number.NaN);
      histories.set(this.histories);
      this.histories = histories;
    }
    this.histories[n] = profile?.expert === true ? profile.history : Number.NaN;
  }

  /** The profile at a number; undefined without one. */
  at(n: number): ProfileRecord | undefined {
    return this.profiles[n];
  }

  /** The history score at a number if that member is an expert, else NaN. */
  expertHistoryAt(n: number): number {
    return n < this.histories.length ? (this.histories[n] ?? Number.NaN) : Number.NaN;
  }

  /** Bytes held: the typed array and an estimate of the profile objects. */
  get bytes(): number {
    return this.profiles.filter((p) => p !== undefined).length * 400 + this.histories.byteLength;
  }
}
