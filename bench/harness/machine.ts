// What the machine was doing: the figures of a run on a shared two-core machine mean little without its load.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { round2 } from './stats.ts';

export function loadAverage(): { '1m': number; '5m': number; '15m': number } {
  const [one, five, fifteen] = loadavg().map(round2);
  return { '1m': one!, '5m': five!, '15m': fifteen! };
}

export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: round2(totalmem() / 2 ** 30),
    node: process.version,
    commit: gitCommit(),
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's CPU fields: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  cpuMs: number;
  rssMb: number;
  peakRssMb: number;
}

/** CPU time so far and memory now of any process on this machine, read from /proc (Linux). */
export async function processUsage(pid: number): Promise<ProcessUsage> {
  const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssMb: round2(kb('VmRSS') / 1024), peakRssMb: round2(kb('VmHWM') / 1024) };
}

/** Percent of one core a process used between two readings taken `wallMs` apart. */
export function cpuPercent(before: ProcessUsage, after: ProcessUsage, wallMs: number): number {
  return round2(((after.cpuMs - before.cpuMs) / wallMs) * 100);
}
