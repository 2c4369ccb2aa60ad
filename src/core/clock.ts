/** The source of time. Production uses the system clock; tests and the console can use a virtual one. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `at`; time never goes backwards. */
  set(at: Date): void {
    this.current = Math.max(this.current, at.getTime());
  }

  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }
}
