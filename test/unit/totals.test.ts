import { describe, expect, it } from 'vitest';
import { computeTotals, moveCeiling, type BudgetLine } from '../../server/domain/totals.ts';

const lines = [
  { goalNumber: 1, approachCode: '1.1', requestedBaht: 100, ceilingBaht: 80 },
  { goalNumber: 1, approachCode: '1.2', requestedBaht: 50, ceilingBaht: 50 },
  { goalNumber: 3, approachCode: '3.1', requestedBaht: 70, ceilingBaht: 60 },
];

describe('computeTotals', () => {
  it('adds ceilings per approach, per goal and overall', () => {
    const totals = computeTotals(lines, 200);
    expect(totals.overall).toEqual({ requestedBaht: 220, ceilingBaht: 190, differenceBaht: -30, projectCount: 3 });
    expect(totals.byGoal[1]).toEqual({ requestedBaht: 150, ceilingBaht: 130, differenceBaht: -20, projectCount: 2 });
    expect(totals.byApproach['3.1'].ceilingBaht).toBe(60);
    expect(totals.remainingBaht).toBe(10);
    expect(totals.overFrame).toBe(false);
  });
  it('says when the ceilings go over the frame', () => {
    const totals = computeTotals(lines, 150);
    expect(totals.remainingBaht).toBe(-40);
    expect(totals.overFrame).toBe(true);
  });
  it('is all zeros for no projects', () => {
    expect(computeTotals([], 0).overall.projectCount).toBe(0);
  });
});

describe('moveCeiling', () => {
  it('keeps totals equal to adding everything up again, through 2,000 random changes', () => {
    let state = 2_567;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const lines: BudgetLine[] = Array.from({ length: 300 }, (_, i) => ({
      goalNumber: 1 + (i % 3),
      approachCode: ['1.1', '1.2', '2.1', '3.1'][i % 4]!,
      requestedBaht: 1_000_000 + i * 1_000,
      ceilingBaht: 1_000_000 + i * 1_000,
    }));
    const frame = 250_000_000;
    const totals = computeTotals(lines, frame);
    for (let n = 0; n < 2_000; n++) {
      const line = lines[Math.floor(random() * lines.length)]!;
      const toBaht = Math.floor(random() * 2 * line.requestedBaht);
      moveCeiling(totals, line, toBaht - line.ceilingBaht);
      line.ceilingBaht = toBaht;
    }
    expect(totals).toEqual(computeTotals(lines, frame));
  });
});
