// The big sample plan: deterministic, every name and code its own, figures in whole hundreds of baht, and the frame
// below the requests so that the committee must cut.
import { describe, expect, it } from 'vitest';
import { BIG_PLAN_MAX_PROJECTS, bigPlan } from '../../server/seed/big-plan.ts';

describe('bigPlan', () => {
  it('gives the same plan for the same size, with unique codes and names', () => {
    const plan = bigPlan(5_000);
    expect(bigPlan(5_000)).toEqual(plan);
    expect(plan.projects).toHaveLength(5_000);
    expect(new Set(plan.projects.map((p) => p.code)).size).toBe(5_000);
    expect(new Set(plan.projects.map((p) => p.nameTh)).size).toBe(5_000);
    expect(new Set(plan.projects.map((p) => p.nameEn)).size).toBe(5_000);
  });

  it('keeps money in whole hundreds of baht, the frame at the requests over 1.25, and partners other than the lead', () => {
    const plan = bigPlan(1_000);
    const requested = plan.projects.reduce((sum, p) => sum + p.requestedBaht, 0n);
    expect(plan.projects.every((p) => p.requestedBaht > 0n && p.requestedBaht % 100n === 0n)).toBe(true);
    expect(plan.frameBaht % 100n).toBe(0n);
    expect(Number(plan.frameBaht) / Number(requested)).toBeCloseTo(0.8, 3);
    expect(plan.projects.every((p) => p.partners.every((partner) => partner.agencyCode !== p.agencyCode))).toBe(true);
    expect(plan.titleTh).toContain('ข้อมูลตัวอย่าง');
  });

  it('refuses a size it cannot give unique names to', () => {
    expect(() => bigPlan(0)).toThrow(RangeError);
    expect(() => bigPlan(BIG_PLAN_MAX_PROJECTS + 1)).toThrow(RangeError);
  });
});
