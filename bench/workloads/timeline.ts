// The meeting timeline's arithmetic, as the browser runs it: a record of 5,000 changes on a plan of 500 projects
// (ceilings set, reverted and accepted, the frame moved now and then), and the board at a moment of it (stateAt, which
// walks the record back from now) for moments all over the meeting, cold each time as a scrub to a new moment is. Also
// the whole line of totals (timeline) and the replay's rows. Pure computation in this Node process: no target.
import { boardAt, timeline } from '../../server/domain/frame-history.ts';
import { recordEntries, recordNow, replayRows, stateAt, type MeetingRecord, type RecordChange } from '../../server/domain/meeting-record.ts';
import { nowMs } from '../harness/clock.ts';
import type { Workload } from '../harness/context.ts';
import { median, round2, summarise } from '../harness/stats.ts';

/** A deterministic record: the same meeting every run (a linear congruential generator, not Math.random). */
export function syntheticRecord(projects: number, changes: number): MeetingRecord {
  let state = 42;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
  const lines = Array.from({ length: projects }, (_, i) => ({
    projectId: `p${String(i).padStart(4, '0')}`,
    goalNumber: (i % 3) + 1,
    approachCode: `${(i % 3) + 1}.${(i % 7) + 1}`,
    requestedBaht: 10_000_000 + next(90_000_000),
    ceilingBaht: 0,
  }));
  for (const line of lines) line.ceilingBaht = line.requestedBaht;
  let frameBaht = Math.round(lines.reduce((sum, l) => sum + l.requestedBaht, 0) * 0.8);
  const start = Date.parse('2026-01-26T02:00:00.000Z');
  const made: RecordChange[] = [];
  for (let i = 0; i < changes; i++) {
    const seq = i + 1;
    const at = new Date(start + seq * 1_500).toISOString();
    const who = { actorName: 'ผู้นำเสนอ', role: 'presenter' as const, reason: '' };
    if (next(50) === 0) {
      const toBaht = frameBaht + next(20_000_000) - 10_000_000;
      made.push({ seq, at, cause: 'frame', projectId: null, fromBaht: frameBaht, toBaht, ...who, role: null });
      frameBaht = toBaht;
      continue;
    }
    const line = lines[next(projects)]!;
    const cause = (['set', 'set', 'set', 'proposal_accepted', 'revert'] as const)[next(5)]!;
    const toBaht = cause === 'revert' ? line.requestedBaht : next(line.requestedBaht + 1);
    made.push({ seq, at, cause, projectId: line.projectId, fromBaht: line.ceilingBaht, toBaht, ...who });
    line.ceilingBaht = toBaht;
  }
  return { meetingId: 'bench', seq: changes, frameBaht, lines, projects: {}, agenda: [], changes: made, marks: [] };
}

export const timelineWorkload: Workload = {
  name: 'timeline',
  summary: 'the board at a moment of a 5,000-change meeting on 500 projects (stateAt, cold), the whole timeline and the replay',
  async run(context) {
    const projects = context.tiny ? 50 : 500;
    const changes = context.tiny ? 200 : 5_000;
    const moments = context.tiny ? 20 : 500;
    const record = syntheticRecord(projects, changes);
    context.log(`  ${changes} changes on ${projects} projects; the board at ${moments} moments`);
    // Warm the JIT as a page that has been open a while would be; the figures below are all cold calls of stateAt.
    for (let i = 0; i < 20; i++) stateAt(record, (i * 97) % changes);
    // Each moment is computed once per round and its median kept: on a shared machine a single call can lose the CPU
    // to another process, which says nothing about the module.
    const stateMs: number[] = [];
    for (let i = 0; i < moments; i++) {
      const seq = Math.round((i / (moments - 1)) * changes);
      const rounds: number[] = [];
      for (let round = 0; round < context.rounds; round++) {
        const started = nowMs();
        stateAt(record, seq);
        rounds.push(nowMs() - started);
      }
      stateMs.push(median(rounds));
    }
    const timelineStarted = nowMs();
    const entries = recordEntries(record);
    const points = timeline(boardAt(recordNow(record), entries, 0), entries, '');
    const timelineMs = nowMs() - timelineStarted;
    const replayStarted = nowMs();
    replayRows(record);
    const replayMs = nowMs() - replayStarted;
    const state = summarise(stateMs);
    context.log(`  stateAt p50 ${state.p50} ms, p99 ${state.p99} ms, max ${state.max} ms; timeline ${round2(timelineMs)} ms; replay ${round2(replayMs)} ms`);
    return {
      parameters: { projects, changes, moments, rounds: context.rounds },
      stateAtMs: state,
      budgetMs: 50,
      withinBudget: state.max < 50,
      timelineMs: round2(timelineMs),
      timelinePoints: points.length,
      replayMs: round2(replayMs),
    };
  },
};
