/**
 * Time as the scanner code sees it: a clock and one-shot timers, injected so tests and benches run
 * the timeouts (last-resort scan end, hot-plug polling) without waiting.
 */
export interface Scheduler {
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/** A scheduler whose time moves only when told: for tests and the latency bench. */
export class ManualScheduler implements Scheduler {
  private time: number;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return () => {
      this.timers.delete(id);
    };
  }

  /** Moves time forward, firing due timers in order (a timer set by a timer fires too if due). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let nextId: number | undefined;
      let nextAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      const timer = nextId === undefined ? undefined : this.timers.get(nextId);
      if (nextId === undefined || !timer) break;
      this.timers.delete(nextId);
      this.time = timer.at;
      timer.fn();
    }
    this.time = end;
  }

  pendingTimers(): number {
    return this.timers.size;
  }
}
