// The bulk resolution page's selection: confirmed projects cannot be picked, a group's box selects its open projects
// and clears them again, and the chair's list is the project drafts alone.
import { describe, expect, it } from 'vitest';
import { groupSelection, openProjects, projectDrafts, toggleGroup } from '../../web/lib/board/resolution-selection.ts';
import type { ProjectView } from '../../server/shared/board.ts';
import type { ResolutionStatus, ResolutionView } from '../../server/shared/events/resolution.ts';

const project = (id: string) => ({ id }) as ProjectView;
const resolution = (id: string, on: { projectId?: string; agendaItemId?: string }, status: ResolutionStatus): ResolutionView => ({
  id,
  projectId: on.projectId ?? null,
  agendaItemId: on.agendaItemId ?? null,
  outcome: 'approved_adjusted',
  textTh: '',
  ceilingBaht: null,
  status,
  recordedByName: 'เลขา',
  confirmedByName: null,
  confirmedAt: null,
});

describe('bulk resolution selection', () => {
  it('leaves out projects whose resolution is confirmed, keeps drafts and those with none', () => {
    const standing = new Map([
      ['a', resolution('r1', { projectId: 'a' }, 'confirmed')],
      ['b', resolution('r2', { projectId: 'b' }, 'draft')],
    ]);
    expect(openProjects([project('a'), project('b'), project('c')], (id) => standing.get(id)).map((p) => p.id)).toEqual(['b', 'c']);
  });

  it('selects a whole group, then clears it; a partly selected group is mixed and its box selects the rest', () => {
    const selected = new Set(['x']);
    expect(groupSelection(selected, ['x', 'y'])).toBe('some');
    toggleGroup(selected, ['x', 'y']);
    expect([...selected]).toEqual(['x', 'y']);
    expect(groupSelection(selected, ['x', 'y'])).toBe('all');
    toggleGroup(selected, ['x', 'y']);
    expect(groupSelection(selected, ['x', 'y'])).toBe('none');
    expect(groupSelection(selected, [])).toBe('none');
  });

  it('gives the chair the project drafts only', () => {
    const all = [
      resolution('r1', { projectId: 'a' }, 'draft'),
      resolution('r2', { projectId: 'b' }, 'confirmed'),
      resolution('r3', { agendaItemId: 'i' }, 'draft'),
    ];
    expect(projectDrafts(all).map((r) => r.id)).toEqual(['r1']);
  });
});
