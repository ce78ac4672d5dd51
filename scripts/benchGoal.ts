/** A goal beside its figure, worded the same in every part of the bench: `(goal ≤ 250.0 kB: met)`. */
export function versus(goal: string, met: boolean): string {
  return `(goal ${goal}: ${met ? 'met' : 'NOT met'})`;
}
