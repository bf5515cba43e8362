// What-if arithmetic for a member's private sandbox: cut or raise a selection by a percentage, bring it to an amount,
// or fit it to the frame. Pure and exact (whole baht in, whole baht out, BigInt inside so that amount x weight never
// loses a baht), so the browser and the server give the same answer for the same sandbox.
import type { ErrorCode } from '../shared/errors.ts';

export interface AdjustableLine {
  projectId: string;
  requestedBaht: number;
  ceilingBaht: number;
  /** A confirmed resolution fixes the ceiling: a sandbox may not move it either. */
  resolved: boolean;
}

export interface AdjustRules {
  /** When off, no ceiling may go above what its agency requested. */
  allowAboveRequest: boolean;
}

export type Adjustment =
  | {
      ok: true;
      /** The new ceiling of every selected project, whether it moved or not. */
      ceilings: Map<string, number>;
      /** Projects held at their request because the plan allows nothing above it. */
      heldAtRequest: string[];
    }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

/** Percentages a person types: -100 (cut to zero) to +100 (double), to a hundredth of a percent. */
export const MAX_PERCENT = 100;

function refuseResolved(lines: readonly AdjustableLine[]): Adjustment | null {
  const resolved = lines.filter((line) => line.resolved).map((line) => line.projectId);
  return resolved.length ? { ok: false, code: 'project_resolved', details: { projectIds: resolved } } : null;
}

/** Whole basis points for a percentage with at most two decimals, or null. */
function basisPoints(percent: unknown): bigint | null {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || Math.abs(percent) > MAX_PERCENT) return null;
  const points = Math.round(percent * 100);
  return Math.abs(points - percent * 100) < 1e-6 ? BigInt(points) : null;
}

/** a / b rounded half away from zero, for non-negative a and positive b. */
function divideRounded(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Every selected ceiling times (1 + percent/100), to the nearest baht, held at the request where the plan says so. */
export function scaleByPercent(lines: readonly AdjustableLine[], percent: unknown, rules: AdjustRules): Adjustment {
  const points = basisPoints(percent);
  if (points === null) return { ok: false, code: 'invalid_percent', details: { percent: String(percent) } };
  const refusal = refuseResolved(lines);
  if (refusal) return refusal;
  const ceilings = new Map<string, number>();
  const heldAtRequest: string[] = [];
  for (const line of lines) {
    let scaled = Number(divideRounded(BigInt(line.ceilingBaht) * (10_000n + points), 10_000n));
    if (!rules.allowAboveRequest && scaled > line.requestedBaht && scaled > line.ceilingBaht) {
      scaled = Math.max(line.requestedBaht, line.ceilingBaht);
      heldAtRequest.push(line.projectId);
    }
    ceilings.set(line.projectId, scaled);
  }
  return { ok: true, ceilings, heldAtRequest };
}

interface Share {
  projectId: string;
  weight: bigint;
  /** The most this line may take; null when unbounded. */
  cap: bigint | null;
}

/**
 * Splits `target` whole baht over the shares in proportion to their weights, no share above its cap: shares that
 * would pass their cap are fixed at it and the rest is split again over the others (water-filling). When the open
 * shares all weigh nothing they split what is left equally. The rounding remainder (fewer baht than shares) goes one
 * baht each to the largest fractional parts, ties to the smaller project id, so the result does not depend on the
 * order of the input. Null when the caps cannot hold the target.
 */
function allocate(target: bigint, shares: readonly Share[]): { amounts: Map<string, bigint>; capped: string[] } | null {
  const amounts = new Map<string, bigint>();
  const capped: string[] = [];
  let open = [...shares];
  let remaining = target;
  for (;;) {
    if (open.length === 0) return remaining === 0n ? { amounts, capped } : null;
    let totalWeight = open.reduce((sum, share) => sum + share.weight, 0n);
    if (totalWeight === 0n) {
      open = open.map((share) => ({ ...share, weight: 1n }));
      totalWeight = BigInt(open.length);
    }
    const over = open.filter((share) => share.cap !== null && remaining * share.weight > share.cap * totalWeight);
    if (over.length === 0) {
      const exact = open.map((share) => ({ share, floor: (remaining * share.weight) / totalWeight, rest: (remaining * share.weight) % totalWeight }));
      let leftover = remaining - exact.reduce((sum, entry) => sum + entry.floor, 0n);
      exact.sort((a, b) => (a.rest === b.rest ? (a.share.projectId < b.share.projectId ? -1 : 1) : a.rest > b.rest ? -1 : 1));
      for (const entry of exact) {
        const extra = leftover > 0n && entry.rest > 0n ? 1n : 0n;
        leftover -= extra;
        amounts.set(entry.share.projectId, entry.floor + extra);
      }
      return { amounts, capped };
    }
    for (const share of over) {
      amounts.set(share.projectId, share.cap!);
      capped.push(share.projectId);
      remaining -= share.cap!;
    }
    const fixed = new Set(over.map((share) => share.projectId));
    open = open.filter((share) => !fixed.has(share.projectId));
  }
}

/**
 * The selection brought to exactly `targetBaht` in total, each project keeping its share of the selection's current
 * ceilings (by request when every selected ceiling is zero), none above its request unless the plan allows it.
 */
export function bringTo(lines: readonly AdjustableLine[], targetBaht: unknown, rules: AdjustRules): Adjustment {
  if (typeof targetBaht !== 'number' || !Number.isSafeInteger(targetBaht) || targetBaht < 0) {
    return { ok: false, code: 'invalid_amount', details: { toBaht: String(targetBaht) } };
  }
  if (lines.length === 0) return { ok: false, code: 'selection_empty' };
  const refusal = refuseResolved(lines);
  if (refusal) return refusal;
  const byCeiling = lines.some((line) => line.ceilingBaht > 0);
  const shares = lines.map((line) => ({
    projectId: line.projectId,
    weight: BigInt(byCeiling ? line.ceilingBaht : line.requestedBaht),
    cap: rules.allowAboveRequest ? null : BigInt(Math.max(line.requestedBaht, line.ceilingBaht)),
  }));
  const allocated = allocate(BigInt(targetBaht), shares);
  if (!allocated) {
    const maxBaht = shares.reduce((sum, share) => sum + share.cap!, 0n);
    return { ok: false, code: 'target_unreachable', details: { targetBaht, maxBaht: Number(maxBaht) } };
  }
  const ceilings = new Map(lines.map((line) => [line.projectId, Number(allocated.amounts.get(line.projectId)!)]));
  return { ok: true, ceilings, heldAtRequest: allocated.capped };
}

/**
 * The selection scaled so that the whole plan lands exactly on the frame: the selected projects take whatever the
 * frame leaves after the projects not selected (`otherCeilingsBaht`).
 */
export function fitFrame(lines: readonly AdjustableLine[], otherCeilingsBaht: number, frameBaht: number, rules: AdjustRules): Adjustment {
  const target = frameBaht - otherCeilingsBaht;
  if (target < 0) return { ok: false, code: 'target_unreachable', details: { targetBaht: target, maxBaht: null } };
  return bringTo(lines, target, rules);
}
