// The figures every workload reports: percentiles of a latency sample, medians over rounds, ratios against a baseline.

export interface LatencySummary {
  /** How many samples the figures are over. */
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Nearest-rank percentile of an ascending sample. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round2(percentile(sorted, 50)),
    p90: round2(percentile(sorted, 90)),
    p99: round2(percentile(sorted, 99)),
    max: round2(sorted.at(-1) ?? Number.NaN),
    mean: round2(sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)),
  };
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Per numeric field, the median over the rounds (nested objects field by field). */
export function medianOf<T>(rounds: readonly T[]): T {
  const first = rounds[0];
  if (first === undefined) return {} as T;
  if (typeof first === 'number') return median(rounds as unknown as number[]) as T;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return first;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) out[key] = medianOf(rounds.map((r) => (r as Record<string, unknown>)[key]));
  return out as T;
}

export function ratio(ours: number, baseline: number): number {
  return baseline > 0 ? round2(ours / baseline) : Number.NaN;
}
