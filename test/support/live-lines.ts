// A live project as the sandbox and the proposed sets see it, for unit tests: open, at version 1, in goal 1 unless told.
import type { LiveLine } from '../../server/domain/sandbox.ts';

export const line = (projectId: string, requestedBaht: number, ceilingBaht = requestedBaht, extra: Partial<LiveLine> = {}): LiveLine => ({
  projectId,
  requestedBaht,
  ceilingBaht,
  resolved: false,
  goalNumber: 1,
  approachCode: '1.1',
  version: 1,
  ...extra,
});
