/**
 * Sampling helpers of the synthetic hiring market, all driven by one `seededRandom` stream so
 * that a seed fixes every draw.
 *
 * @module
 */

/** A Pareto-distributed number ≥ `min` with tail index `tail` (P(X > x) = (min/x)^tail). */
export function pareto(random: () => number, min: number, tail: number): number {
  return min * (1 - random()) ** (-1 / tail);
}

/** A number drawn uniformly from [low, high). */
export function uniform(random: () => number, low: number, high: number): number {
  return low + (high - low) * random();
}

/** An integer drawn uniformly from [0, n). */
export function randomIndex(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** Shuffles `items` in place (Fisher–Yates, Durstenfeld's version) and returns it. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(
  items: T,
  random: () => number,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const item = items[i];
    items[i] = items[j];
    items[j] = item;
  }
  return items;
}

/**
 * Calls `emit(i, j)` (i < j) for every pair of `0..n-1` independently with probability `p`, in
 * time proportional to n plus the pairs emitted: an Erdős–Rényi G(n, p) by geometric skipping.
 *
 * @see Batagelj & Brandes, "Efficient generation of large random networks", Phys. Rev. E 71, 036113, 2005.
 */
export function randomPairs(
  n: number,
  p: number,
  random: () => number,
  emit: (i: number, j: number) => void,
): void {
  if (n < 2 || p <= 0) return;
  if (p >= 1) {
    for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) emit(i, j);
    return;
  }
  const logQ = Math.log(1 - p);
  let v = 1;
  let w = -1;
  while (v < n) {
    w += 1 + Math.floor(Math.log(1 - random()) / logQ);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) emit(w, v);
  }
}

/**
 * A sampler of indices `0..weights.length-1` with probability proportional to the weights
 * (cumulative sums and a binary search).
 */
export function weightedSampler(weights: ArrayLike<number>, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i] as number;
    cumulative[i] = total;
  }
  return () => {
    const u = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > u) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
