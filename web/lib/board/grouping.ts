// The project list as the board shows it: goal > approach > projects, in the plan's order, with subtotals.
import type { GoalView, ApproachView, ProjectView } from '$shared/board.ts';
import { computeTotals, type FrameTotals, type Subtotal } from '$domain/totals.ts';

export interface ApproachGroup {
  approach: ApproachView;
  subtotal: Subtotal;
  projects: ProjectView[];
}

export interface GoalGroup {
  goal: GoalView;
  subtotal: Subtotal;
  approaches: ApproachGroup[];
}

const NO_PROJECTS: Subtotal = { requestedBaht: 0, ceilingBaht: 0, differenceBaht: 0, projectCount: 0 };

export function groupProjects(goals: readonly GoalView[], projects: readonly ProjectView[], totals: FrameTotals): GoalGroup[] {
  // Map.groupBy would do, but Node 20 (server rendering) does not have it.
  const byApproach = new Map<string, ProjectView[]>();
  for (const project of projects) {
    const group = byApproach.get(project.approachCode);
    if (group) group.push(project);
    else byApproach.set(project.approachCode, [project]);
  }
  return goals.map((goal) => ({
    goal,
    subtotal: totals.byGoal[goal.number] ?? NO_PROJECTS,
    approaches: goal.approaches.map((approach) => ({
      approach,
      subtotal: totals.byApproach[approach.code] ?? NO_PROJECTS,
      projects: byApproach.get(approach.code) ?? [],
    })),
  }));
}

/** The frame arithmetic over some projects (all of them, or those a filter shows). */
export function totalsOf(projects: readonly ProjectView[], frameBaht: number): FrameTotals {
  return computeTotals(
    projects.map(({ goalNumber, approachCode, requestedBaht, ceilingBaht }) => ({ goalNumber, approachCode, requestedBaht, ceilingBaht })),
    frameBaht,
  );
}

/** Goals and approaches that still hold a project, for a filtered list. */
export function withoutEmptyGroups(groups: GoalGroup[]): GoalGroup[] {
  return groups
    .map((group) => ({ ...group, approaches: group.approaches.filter((a) => a.projects.length > 0) }))
    .filter((group) => group.approaches.length > 0);
}

/** A plan this large starts with its approach groups closed, and an open group shows its rows a page at a time. */
export const BIG_PLAN_PROJECTS = 300;
export const ROWS_PER_PAGE = 50;

/**
 * The rows of one group the board puts in the DOM: a closed group none, an open one its first `limit`; the
 * presenter's project and the one this person has open always (following needs the row to scroll to). A 5,000-project
 * plan keeps a few dozen rows in the DOM instead of 5,000; search and filters still run over every project.
 */
export function rowsToRender(
  rows: readonly ProjectView[],
  options: { closed: boolean; limit: number; keep: ReadonlySet<string> },
): { rows: ProjectView[]; hidden: number } {
  const shown = rows.filter((p, i) => (!options.closed && i < options.limit) || options.keep.has(p.id));
  return { rows: shown, hidden: rows.length - shown.length };
}
