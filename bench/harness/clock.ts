// One clock for every process of a run: CLOCK_MONOTONIC is system-wide on Linux, so a send time noted in the harness
// and an arrival time noted in a receiver worker are on the same scale.
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
