// stats.mjs — how the benchmarks sum up their samples.

/** Nearest-rank percentile: with fewer than 100 samples p99 is the largest. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};
