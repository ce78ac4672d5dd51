/** A goal beside its figure, worded the same in every part of the bench: `(goal ≤ 250.0 kB: met)`. */
export function versus(goal: string, met: boolean): string {
  return `(goal ${goal}: ${met ? 'met' : 'NOT met'})`;
}

/** The middle value (the upper one of an even count), NaN for none; the caller's array is left as it is. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
