/**
 * Splits a whole `total` in proportion to `weights` (largest-remainder rounding): the parts are
 * whole numbers that add up exactly to `total`. Ties go to the earliest position.
 * Weights must be ≥ 0 with a positive sum; the caller validates.
 */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - parts[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) parts[order[k]!.i]! += 1;
  return parts;
}
