// What this instance knows about the parts it depends on, shared by /healthz, the command gate (which refuses at
// once while the database is down) and the chair's banner.
import { randomBytes } from 'node:crypto';
import type { PartMonitor } from './part-monitor.ts';

export interface BoardHealth {
  /** Random per process: tells instances apart in health answers and logs, without naming the machine. */
  readonly instanceId: string;
  readonly database: PartMonitor;
  /** Null when the board runs without Redis (one instance). */
  readonly redis: PartMonitor | null;
  /** Set once shutdown began: no new clients, no new commands. */
  draining: boolean;
}

export function newInstanceId(): string {
  return randomBytes(6).toString('base64url');
}
