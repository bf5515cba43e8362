// Frame arithmetic: what the ceilings add up to, per approach, per goal and overall, against the agreed frame.

export interface BudgetLine {
  goalNumber: number;
  approachCode: string;
  requestedBaht: number;
  ceilingBaht: number;
}

export interface Subtotal {
  requestedBaht: number;
  ceilingBaht: number;
  /** ceiling - requested: negative when the committee cut. */
  differenceBaht: number;
  projectCount: number;
}

export interface FrameTotals {
  frameBaht: number;
  overall: Subtotal;
  byGoal: Record<number, Subtotal>;
  byApproach: Record<string, Subtotal>;
  /** frame - total of ceilings: negative when over the frame. */
  remainingBaht: number;
  overFrame: boolean;
}

function emptySubtotal(): Subtotal {
  return { requestedBaht: 0, ceilingBaht: 0, differenceBaht: 0, projectCount: 0 };
}

function addLine(subtotal: Subtotal, line: BudgetLine): void {
  subtotal.requestedBaht += line.requestedBaht;
  subtotal.ceilingBaht += line.ceilingBaht;
  subtotal.differenceBaht = subtotal.ceilingBaht - subtotal.requestedBaht;
  subtotal.projectCount += 1;
}

export function computeTotals(lines: readonly BudgetLine[], frameBaht: number): FrameTotals {
  const overall = emptySubtotal();
  const byGoal: Record<number, Subtotal> = {};
  const byApproach: Record<string, Subtotal> = {};
  for (const line of lines) {
    addLine(overall, line);
    addLine((byGoal[line.goalNumber] ??= emptySubtotal()), line);
    addLine((byApproach[line.approachCode] ??= emptySubtotal()), line);
  }
  const remainingBaht = frameBaht - overall.ceilingBaht;
  return { frameBaht, overall, byGoal, byApproach, remainingBaht, overFrame: remainingBaht < 0 };
}

/** Totals to move without moving the ones they were copied from. */
export function copyTotals(totals: FrameTotals): FrameTotals {
  const copy = (subtotals: Record<string, Subtotal>) => Object.fromEntries(Object.entries(subtotals).map(([key, subtotal]) => [key, { ...subtotal }]));
  return { ...totals, overall: { ...totals.overall }, byGoal: copy(totals.byGoal), byApproach: copy(totals.byApproach) };
}

/**
 * Moves one project's ceiling by `deltaBaht` in totals computed earlier, in place: a board of 5,000 projects updates
 * three subtotals and the remainder per change instead of adding up every project again.
 */
export function moveCeiling(totals: FrameTotals, line: Pick<BudgetLine, 'goalNumber' | 'approachCode'>, deltaBaht: number): void {
  for (const subtotal of [totals.overall, totals.byGoal[line.goalNumber], totals.byApproach[line.approachCode]]) {
    if (!subtotal) continue;
    subtotal.ceilingBaht += deltaBaht;
    subtotal.differenceBaht = subtotal.ceilingBaht - subtotal.requestedBaht;
  }
  totals.remainingBaht = totals.frameBaht - totals.overall.ceilingBaht;
  totals.overFrame = totals.remainingBaht < 0;
}
