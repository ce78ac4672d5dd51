/** A clock the test moves by hand, starting at a local wall time. */
export function manualClock(year: number, month: number, day: number, hour = 12, minute = 0): { now: () => number; set(ms: number): void; advance(ms: number): void } {
  let current = new Date(year, month - 1, day, hour, minute).getTime();
  return {
    now: () => current,
    set(ms) {
      current = ms;
    },
    advance(ms) {
      current += ms;
    },
  };
}

/** Distinct, predictable id suffixes. */
export function counterRandom(): () => string {
  let counter = 0;
  return () => (counter++).toString(16).padStart(6, '0');
}
