import type { GoalView } from '$shared/board.ts';
import type { FrameTotals } from '$domain/totals.ts';

/** Goal bars share one scale, the largest request of any goal, so goals compare at a glance: baht -> CSS width. */
export function goalBarWidth(goals: readonly GoalView[], totals: FrameTotals): (baht: number) => string {
  const scale = Math.max(1, ...goals.map((g) => totals.byGoal[g.number]?.requestedBaht ?? 0));
  return (baht) => `${((baht / scale) * 100).toFixed(2)}%`;
}
