import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  defaultFocus,
  edgeProject,
  handOver,
  placeCustomItem,
  projectOrder,
  readStoredFocus,
  stepProject,
  unrecordedSeq,
} from '../../server/domain/focus.ts';
import type { GoalView } from '../../server/shared/board.ts';

const goals: GoalView[] = [
  { number: 1, stream: 'upstream', nameTh: 'ต้นน้ำ', nameEn: 'Up', approaches: [{ code: '1.1', nameTh: '', nameEn: '' }, { code: '1.2', nameTh: '', nameEn: '' }] },
  { number: 2, stream: 'midstream', nameTh: 'กลางน้ำ', nameEn: 'Mid', approaches: [{ code: '2.1', nameTh: '', nameEn: '' }] },
];
// Positions deliberately out of list order: the list groups by approach first.
const projects = [
  { id: 'c', approachCode: '2.1', position: 0 },
  { id: 'a', approachCode: '1.1', position: 1 },
  { id: 'b', approachCode: '1.2', position: 2 },
  { id: 'a2', approachCode: '1.1', position: 3 },
];
const order = projectOrder(goals, projects);
const ordered = order.map((id) => projects.find((p) => p.id === id)!);

describe('focus', () => {
  it('orders projects as the board lists them', () => {
    expect(order).toEqual(['a', 'a2', 'b', 'c']);
  });

  it('steps to the neighbouring project and stays put at either end', () => {
    expect(stepProject({ kind: 'project', projectId: 'a2' }, 1, goals, ordered)).toEqual({ kind: 'project', projectId: 'b' });
    expect(stepProject({ kind: 'project', projectId: 'a2' }, -1, goals, ordered)).toEqual({ kind: 'project', projectId: 'a' });
    expect(stepProject({ kind: 'project', projectId: 'c' }, 1, goals, ordered)).toEqual({ kind: 'project', projectId: 'c' });
    expect(stepProject({ kind: 'project', projectId: 'a' }, -1, goals, ordered)).toEqual({ kind: 'project', projectId: 'a' });
  });

  it('steps from a group into its first project, or back to the project before it', () => {
    expect(stepProject({ kind: 'approach', approachCode: '1.2' }, 1, goals, ordered)).toEqual({ kind: 'project', projectId: 'b' });
    expect(stepProject({ kind: 'approach', approachCode: '1.2' }, -1, goals, ordered)).toEqual({ kind: 'project', projectId: 'a2' });
    expect(stepProject({ kind: 'goal', goalNumber: 2 }, 1, goals, ordered)).toEqual({ kind: 'project', projectId: 'c' });
    expect(stepProject({ kind: 'overview' }, 1, goals, ordered)).toEqual({ kind: 'project', projectId: 'a' });
    expect(stepProject({ kind: 'overview' }, -1, goals, ordered)).toEqual({ kind: 'project', projectId: 'c' });
  });

  it('jumps to the first and last project', () => {
    expect(edgeProject('first', ordered)).toEqual({ kind: 'project', projectId: 'a' });
    expect(edgeProject('last', ordered)).toEqual({ kind: 'project', projectId: 'c' });
    expect(edgeProject('last', [])).toEqual({ kind: 'overview' });
  });

  it('reads a stored focus, and falls back to the overview on the first agenda item', () => {
    const agenda = [{ id: 'item-1' }, { id: 'item-2' }];
    expect(readStoredFocus(null, agenda)).toEqual(defaultFocus(agenda));
    expect(readStoredFocus({ view: { kind: 'nonsense' } }, agenda)).toEqual({ view: { kind: 'overview' }, agendaItemId: 'item-1', handover: null });
    const stored = { view: { kind: 'project', projectId: 'a' }, agendaItemId: 'item-2', handover: null };
    expect(readStoredFocus(stored, agenda)).toEqual(stored);
  });

  it('numbers custom agenda items under their parent, before the next standard item', () => {
    const agenda = [
      { number: '3', position: 2 },
      { number: '4', position: 3 },
      { number: '5', position: 4 },
    ];
    expect(placeCustomItem(agenda, '4')).toEqual({ number: '4.1', position: 4 });
    expect(placeCustomItem([...agenda, { number: '4.1', position: 4 }, { number: '4.2', position: 5 }], '4')).toEqual({ number: '4.3', position: 6 });
  });

  it('hands the presenter role over, returning an earlier holder to their own role', () => {
    const first = handOver(null, { participantId: 'p1', role: 'member' });
    expect(first).toEqual({ handover: { participantId: 'p1', previousRole: 'member' }, roleChanges: [{ participantId: 'p1', role: 'presenter' }] });
    const second = handOver(first.handover, { participantId: 'p2', role: 'observer' });
    expect(second.roleChanges).toEqual([
      { participantId: 'p1', role: 'member' },
      { participantId: 'p2', role: 'presenter' },
    ]);
    expect(handOver(second.handover, { participantId: 'p2', role: 'presenter' }).roleChanges).toEqual([]);
  });
});

describe('a moment of the record on the screen', () => {
  it('names the seq that lies past the record', () => {
    expect(unrecordedSeq({ seq: 0 }, 0)).toBeNull();
    expect(unrecordedSeq({ seq: 7, compareTo: 3 }, 7)).toBeNull();
    expect(unrecordedSeq({ seq: 8 }, 7)).toBe('seq');
    expect(unrecordedSeq({ seq: 2, compareTo: 9 }, 7)).toBe('compareTo');
  });

  it('puts the earlier moment before, whichever was named first', () => {
    expect(beforeAfter({ seq: 5 })).toBeNull();
    expect(beforeAfter({ seq: 5, compareTo: 2 })).toEqual({ before: 2, after: 5 });
    expect(beforeAfter({ seq: 2, compareTo: 5 })).toEqual({ before: 2, after: 5 });
  });

  it('reads a stored focus with its moment, and one stored before moments existed', () => {
    const stored = { view: { kind: 'overview' }, agendaItemId: null, handover: null, moment: { seq: 4, compareTo: 1 } };
    expect(readStoredFocus(stored, [])).toEqual(stored);
    expect(readStoredFocus({ ...stored, moment: undefined }, []).moment).toBeUndefined();
  });
});
