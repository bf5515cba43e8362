// Whether one part the board depends on (PostgreSQL, Redis) answers, known at all times without waiting on it: a
// probe runs every second in the background and counts as failed when it takes longer than its timeout, so a frozen
// database (which accepts connections and never answers) reads as down within a second, like a stopped one.

export type PartStatus = 'up' | 'down';
/** Why a part is down, in words safe to show anyone: never the driver's own message. */
export type PartProblem = 'unreachable' | 'timeout';

export interface PartHealth {
  status: PartStatus;
  problem?: PartProblem;
  /** Of the last probe that answered. */
  latencyMs?: number;
  /** When the status last changed (ms since the epoch). */
  since: number;
}

export interface Probe {
  /** Resolves when the part answered. */
  run(): Promise<void>;
  /** The run in flight took too long: drop whatever it holds (a connection that may never answer). */
  abandon(): void;
}

export interface PartMonitorOptions {
  timeoutMs?: number;
  intervalMs?: number;
  onChange?(health: PartHealth): void;
}

export class PartMonitor {
  private health: PartHealth = { status: 'up', since: Date.now() };
  private running: Promise<void> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly timeoutMs: number;

  constructor(
    private readonly probe: Probe,
    private readonly options: PartMonitorOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 800;
    this.timer = setInterval(() => void this.probeNow(), options.intervalMs ?? 1000);
    this.timer.unref();
    void this.probeNow();
  }

  get current(): PartHealth {
    return this.health;
  }

  get up(): boolean {
    return this.health.status === 'up';
  }

  /** The status after a fresh probe, or after the probe in flight; never later than the probe's timeout. */
  async check(): Promise<PartHealth> {
    await this.probeNow();
    return this.health;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private probeNow(): Promise<void> {
    this.running ??= this.runProbe().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runProbe(): Promise<void> {
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    const outcome = await Promise.race([
      this.probe.run().then(
        () => 'ok' as const,
        () => 'unreachable' as const,
      ),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome === 'ok') {
      this.set({ status: 'up', latencyMs: Math.round(performance.now() - started) });
    } else {
      if (outcome === 'timeout') this.probe.abandon();
      this.set({ status: 'down', problem: outcome });
    }
  }

  private set(next: Omit<PartHealth, 'since'>): void {
    const changed = next.status !== this.health.status || next.problem !== this.health.problem;
    this.health = { ...next, since: changed ? Date.now() : this.health.since };
    if (changed) this.options.onChange?.(this.health);
  }
}
