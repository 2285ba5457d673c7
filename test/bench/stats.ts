// Summaries of repeated measurements.

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function geometricMean(values: number[]): number {
  if (values.length === 0) throw new Error('geometric mean of no values');
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
