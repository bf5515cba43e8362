import type { BoardSnapshot } from '$shared/board.ts';
import type { ResolutionChanged } from '$shared/events/resolution.ts';

/** A recorded, confirmed or reopened resolution on the board; confirming may also have fixed the project's ceiling. */
export function applyResolutionChange(snapshot: BoardSnapshot, event: ResolutionChanged): void {
  const others = snapshot.resolutions.filter((r) => r.id !== event.resolution.id);
  snapshot.resolutions = event.resolution.status === 'reopened' ? others : [...others, event.resolution];
  const project = event.project && snapshot.projects.find((p) => p.id === event.project!.id);
  if (project && event.project) {
    project.ceilingBaht = event.project.ceilingBaht;
    project.version = event.project.version;
  }
}
