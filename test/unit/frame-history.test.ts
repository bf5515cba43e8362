import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boardAt, compareMoments, RecordMismatch, seqAtTime, timeline, type BoardMoment, type HistoricLine, type RecordEntry } from '../../server/domain/frame-history.ts';

const line = (projectId: string, goalNumber: number, ceilingBaht: number): HistoricLine => ({
  projectId,
  goalNumber,
  approachCode: `${goalNumber}.1`,
  requestedBaht: 1_000,
  ceilingBaht,
});
const moment = (seq: number, frameBaht: number, lines: HistoricLine[]): BoardMoment => ({ seq, frameBaht, lines: new Map(lines.map((l) => [l.projectId, l])) });
const at = (minute: number) => `2023-01-26T03:${String(minute).padStart(2, '0')}:00.000Z`;

/** A meeting's record: a random run of changes applied forward, with the state after each one. */
const arbitraryMeeting = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('ceiling' as const), project: fc.integer({ min: 0, max: 4 }), toBaht: fc.integer({ min: 0, max: 2_000 }) }),
      fc.record({ kind: fc.constant('request' as const), project: fc.integer({ min: 0, max: 4 }), toBaht: fc.integer({ min: 0, max: 2_000 }) }),
      fc.record({ kind: fc.constant('frame' as const), toBaht: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ kind: fc.constant('toggle' as const), project: fc.integer({ min: 0, max: 4 }) }),
    ),
    { maxLength: 60 },
  )
  .map((steps) => {
    const lines = new Map([0, 1, 2, 3].map((i) => [`p${i}`, line(`p${i}`, (i % 3) + 1, 500)]));
    let frameBaht = 5_000;
    const states = [moment(0, frameBaht, [...lines.values()])];
    const entries: RecordEntry[] = [];
    steps.forEach((s, index) => {
      const seq = index + 1;
      const base = { seq, at: at(seq % 60) };
      if (s.kind === 'frame') {
        entries.push({ ...base, kind: 'frame', fromBaht: frameBaht, toBaht: s.toBaht });
        frameBaht = s.toBaht;
      } else {
        const id = `p${s.project}`;
        const current = lines.get(id);
        if (s.kind === 'toggle') {
          const subject = current ?? line(id, 2, 300);
          entries.push({ ...base, kind: current ? 'project_withdrawn' : 'project_added', line: subject });
          if (current) lines.delete(id);
          else lines.set(id, subject);
        } else if (current) {
          const field = s.kind === 'ceiling' ? 'ceilingBaht' : 'requestedBaht';
          entries.push({ ...base, kind: s.kind, projectId: id, fromBaht: current[field], toBaht: s.toBaht });
          lines.set(id, { ...current, [field]: s.toBaht });
        } else {
          entries.push({ ...base, kind: 'frame', fromBaht: frameBaht, toBaht: frameBaht });
        }
      }
      states.push(moment(seq, frameBaht, [...lines.values()]));
    });
    return { entries, states };
  });

describe('boardAt', () => {
  it('walks the board back to any moment of the record', () =>
    fc.assert(
      fc.property(arbitraryMeeting, fc.nat(), ({ entries, states }, pick) => {
        const now = states.at(-1)!;
        const target = states[pick % states.length];
        const back = boardAt(now, entries, target.seq);
        expect(back.frameBaht).toBe(target.frameBaht);
        expect(new Map([...back.lines].sort())).toEqual(new Map([...target.lines].sort()));
      }),
    ));

  it('refuses a record that does not match the board it claims to have made', () => {
    const now = moment(2, 5_000, [line('a', 1, 700)]);
    const entries: RecordEntry[] = [{ seq: 2, at: at(2), kind: 'ceiling', projectId: 'a', fromBaht: 500, toBaht: 650 }];
    expect(() => boardAt(now, entries, 1)).toThrow(RecordMismatch);
  });
});

describe('timeline', () => {
  it('gives the totals after every change, equal to adding up the board at that moment', () =>
    fc.assert(
      fc.property(arbitraryMeeting, ({ entries, states }) => {
        const points = timeline(states[0], entries, at(0));
        expect(points).toHaveLength(states.length);
        points.forEach((point, i) => {
          const state = [...states[i].lines.values()];
          expect(point.ceilingsBaht).toBe(state.reduce((s, l) => s + l.ceilingBaht, 0));
          expect(point.frameBaht).toBe(states[i].frameBaht);
          for (const goal of [1, 2, 3]) {
            expect(point.byGoal[goal] ?? 0).toBe(state.filter((l) => l.goalNumber === goal).reduce((s, l) => s + l.ceilingBaht, 0));
          }
        });
      }),
    ));

  it('gives one point for the changes of one seq, as a set accepted whole: the board never stood between them', () => {
    const start = moment(0, 5_000, [line('a', 1, 500), line('b', 2, 500), line('c', 3, 500)]);
    const entries: RecordEntry[] = [
      { seq: 1, at: at(1), kind: 'ceiling', projectId: 'a', fromBaht: 500, toBaht: 400 },
      { seq: 2, at: at(2), kind: 'ceiling', projectId: 'b', fromBaht: 500, toBaht: 450 },
      { seq: 2, at: at(2), kind: 'ceiling', projectId: 'c', fromBaht: 500, toBaht: 300 },
      { seq: 3, at: at(3), kind: 'ceiling', projectId: 'a', fromBaht: 400, toBaht: 410 },
    ];
    const points = timeline(start, entries, at(0));
    expect(points.map((p) => [p.seq, p.ceilingsBaht, p.byGoal])).toEqual([
      [0, 1_500, { 1: 500, 2: 500, 3: 500 }],
      [1, 1_400, { 1: 400, 2: 500, 3: 500 }],
      [2, 1_150, { 1: 400, 2: 450, 3: 300 }],
      [3, 1_160, { 1: 410, 2: 450, 3: 300 }],
    ]);
  });

  it('finds the last change made before a moment in time', () => {
    const entries: RecordEntry[] = [
      { seq: 3, at: at(10), kind: 'frame', fromBaht: 1, toBaht: 2 },
      { seq: 5, at: at(20), kind: 'frame', fromBaht: 2, toBaht: 3 },
    ];
    expect(seqAtTime(entries, at(5), 0)).toBe(0);
    expect(seqAtTime(entries, at(10), 0)).toBe(3);
    expect(seqAtTime(entries, at(19), 0)).toBe(3);
    expect(seqAtTime(entries, at(59), 0)).toBe(5);
  });
});

describe('compareMoments', () => {
  it('lists the projects that moved between two moments, with the totals at each', () => {
    const before = moment(1, 2_000, [line('a', 1, 500), line('b', 2, 500), line('c', 3, 100)]);
    const after = moment(9, 2_000, [line('a', 1, 400), line('b', 2, 500), line('d', 3, 50)]);
    const diff = compareMoments(before, after);
    expect(diff.changes).toEqual([
      { projectId: 'a', fromBaht: 500, toBaht: 400 },
      { projectId: 'c', fromBaht: 100, toBaht: null },
      { projectId: 'd', fromBaht: null, toBaht: 50 },
    ]);
    expect(diff.from.overall.ceilingBaht - diff.to.overall.ceilingBaht).toBe(150);
  });
});
