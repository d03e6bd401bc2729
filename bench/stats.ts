/** Statistics for the bench, with no dependency: bench/many-apps.ts, a child that measures its own memory, uses them without loading autocannon through lib.ts. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
