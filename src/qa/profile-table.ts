import { KEPT_PINGS, type ProfileRecord } from "./expert-index-repo";
import { scoreCeiling } from "./ranking";

/**
 * Ping times kept per member in the typed array: the newest 8 of those the profile keeps. They
 * give a lower bound of the load and of the week's pings (exact for whoever has at most 8 in
 * the window; the weekly cap is 3 unless an expert raises it), which is all a ceiling needs.
 */
const SLOTS = Math.min(8, KEPT_PINGS);
/** Read once: under a CommonJS transform (tsx, the tests) every read of an import is a getter call. */
const ceilingOf = scoreCeiling;

/** The ping windows of one question: load counts pings after `recent`, the weekly cap those from `week`. */
export interface PingWindow {
  readonly recent: number;
  readonly week: number;
}

/**
 * The expert index's profiles by member number (expert-index.ts). The array is kept without
 * gaps: numbers are handed out in any order, and a sparse array turns into a slow dictionary,
 * read thousands of times per question. What ranking reads of every match before it looks at
 * one (history score, away, weekly cap, newest ping times) is also kept in typed arrays: a
 * question has thousands of matches, and typed arrays are read much faster than thousands of
 * scattered objects.
 */
export class ProfileTable {
  private profiles: (ProfileRecord | undefined)[] = [];
  /** History score of each expert, NaN for everyone else. */
  private histories = new Float64Array(0);
  /** Until when each member cannot be asked: +Infinity when opted out, -Infinity when never away. */
  private away = new Float64Array(0);
  private caps = new Float64Array(0);
  /** `SLOTS` per member: their newest ping times, newest first, -Infinity when empty. */
  private pings = new Float64Array(0);

  /** Puts a member's profile (undefined: none) at their number. */
  set(n: number, profile: ProfileRecord | undefined): void {
    while (this.profiles.length < n) this.profiles.push(undefined);
    this.profiles[n] = profile;
    if (n >= this.histories.length) this.grow(Math.max(64, Math.ceil((n + 1) * 1.5)));
    this.histories[n] = profile?.expert === true ? profile.history : Number.NaN;
    const settings = profile?.settings;
    this.away[n] = settings?.optedOut
      ? Number.POSITIVE_INFINITY
      : (settings?.awayUntil?.getTime() ?? Number.NEGATIVE_INFINITY);
    this.caps[n] = settings?.weeklyCap ?? 0;
    const times = [...(profile?.recentPings ?? [])].sort((a, b) => b - a);
    for (let j = 0; j < SLOTS; j++) this.pings[n * SLOTS + j] = times[j] ?? Number.NEGATIVE_INFINITY;
  }

  private grow(length: number): void {
    const grown = (from: Float64Array<ArrayBuffer>, per: number, fill: number): Float64Array<ArrayBuffer> => {
      const to = new Float64Array(length * per).fill(fill);
      to.set(from);
      return to;
    };
    this.histories = grown(this.histories, 1, Number.NaN);
    this.away = grown(this.away, 1, Number.NEGATIVE_INFINITY);
    this.caps = grown(this.caps, 1, 0);
    this.pings = grown(this.pings, SLOTS, Number.NEGATIVE_INFINITY);
  }

  /** The profile at a number; undefined without one. */
  at(n: number): ProfileRecord | undefined {
    return this.profiles[n];
  }

  /**
   * The highest score the member at `n` can have with this match at `now` (ranking.ts,
   * `scoreCeiling`, with the load their newest ping times show: their score, unless they have
   * more pings in the window than kept); NaN when they cannot be asked: no expert, away or
   * opted out, or at their weekly cap already by those ping times (a lower bound of their
   * pings, so that is certain).
   */
  ceilingAt(n: number, match: number, window: PingWindow, now: number): number {
    if (n >= this.histories.length) return Number.NaN;
    const history = this.histories[n] ?? Number.NaN;
    if (Number.isNaN(history) || now < (this.away[n] ?? 0)) return Number.NaN;
    let recent = 0;
    let week = 0;
    const from = n * SLOTS;
    for (let j = from; j < from + SLOTS; j++) {
      const at = this.pings[j] ?? Number.NEGATIVE_INFINITY;
      // Newest first: once one counts for neither window, none after it does.
      if (at <= window.recent && at < window.week) break;
      if (at > window.recent) recent += 1;
      if (at >= window.week) week += 1;
    }
    if (week >= (this.caps[n] ?? 0)) return Number.NaN;
    return ceilingOf(match, history, recent);
  }

  /** Bytes held: the typed arrays and an estimate of the profile objects. */
  get bytes(): number {
    const arrays = this.histories.byteLength + this.away.byteLength + this.caps.byteLength;
    return this.profiles.filter((p) => p !== undefined).length * 400 + arrays + this.pings.byteLength;
  }
}
