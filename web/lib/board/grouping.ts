// The project list as the board shows it: goal > approach > projects, in the plan's order. The groups hold who is in
// them, not their subtotals: a ceiling change moves the totals (kept by difference) and leaves the groups be, so it
// costs a few cells, not a regrouping of 5,000 projects.
import type { GoalView, ApproachView, ProjectView } from '$shared/board.ts';
import { computeTotals, type FrameTotals, type Subtotal } from '$domain/totals.ts';

export interface ApproachGroup {
  approach: ApproachView;
  projects: ProjectView[];
}

export interface GoalGroup {
  goal: GoalView;
  approaches: ApproachGroup[];
}

/** A group's subtotal of the totals: nothing where it holds no project. */
export const NO_PROJECTS: Subtotal = { requestedBaht: 0, ceilingBaht: 0, differenceBaht: 0, projectCount: 0 };

export function groupProjects(goals: readonly GoalView[], projects: readonly ProjectView[]): GoalGroup[] {
  // Map.groupBy would do, but Node 20 (server rendering) does not have it.
  const byApproach = new Map<string, ProjectView[]>();
  for (const project of projects) {
    const group = byApproach.get(project.approachCode);
    if (group) group.push(project);
    else byApproach.set(project.approachCode, [project]);
  }
  return goals.map((goal) => ({
    goal,
    approaches: goal.approaches.map((approach) => ({ approach, projects: byApproach.get(approach.code) ?? [] })),
  }));
}

/** The frame arithmetic over some projects (all of them, or those a filter shows); withdrawn ones count for nothing. */
export function totalsOf(projects: readonly ProjectView[], frameBaht: number): FrameTotals {
  return computeTotals(
    projects
      .filter((project) => !project.withdrawn)
      .map(({ goalNumber, approachCode, requestedBaht, ceilingBaht }) => ({ goalNumber, approachCode, requestedBaht, ceilingBaht })),
    frameBaht,
  );
}

/** Goals and approaches that still hold a project, for a filtered list. */
export function withoutEmptyGroups(groups: GoalGroup[]): GoalGroup[] {
  return groups
    .map((group) => ({ ...group, approaches: group.approaches.filter((a) => a.projects.length > 0) }))
    .filter((group) => group.approaches.length > 0);
}

