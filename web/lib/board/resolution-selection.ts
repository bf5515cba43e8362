// The secretary's selection for a bulk resolution: projects whose resolution the chair has not confirmed (a confirmed
// one is reopened one by one first), picked singly or a goal or an approach at a time.
import type { ProjectView } from '$shared/board.ts';
import type { ResolutionView } from '$shared/events/resolution.ts';

type ResolutionOf = (projectId: string) => ResolutionView | undefined;

/** The projects a bulk resolution may still name, in the list's order. */
export function openProjects(projects: readonly ProjectView[], resolutionFor: ResolutionOf): ProjectView[] {
  return projects.filter((p) => resolutionFor(p.id)?.status !== 'confirmed');
}

/** How much of a group is selected: the group's checkbox shows it (checked, mixed, or clear). */
export function groupSelection(selected: ReadonlySet<string>, ids: readonly string[]): 'all' | 'some' | 'none' {
  const count = ids.filter((id) => selected.has(id)).length;
  if (count === 0) return 'none';
  return count === ids.length ? 'all' : 'some';
}

/** Ticking a group selects all its open projects; unticking a fully selected group clears them. */
export function toggleGroup(selected: Set<string>, ids: readonly string[]): void {
  const clear = groupSelection(selected, ids) === 'all';
  for (const id of ids) {
    if (clear) selected.delete(id);
    else selected.add(id);
  }
}

/** The drafts the chair confirms in one action: every project resolution still awaiting confirmation. */
export function projectDrafts(resolutions: readonly ResolutionView[]): ResolutionView[] {
  return resolutions.filter((r) => r.projectId !== null && r.status === 'draft');
}
