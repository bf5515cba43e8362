// The meeting timeline in the browser: the record fetched from the server (GET /meetings/:id/record), the totals after
// every change computed from it, and where this person has scrubbed to. The board at that moment comes from the same
// pure module the server uses (server/domain/meeting-record.ts), never from a copy kept here.
import { boardAt, timeline, type TimelinePoint } from '$domain/frame-history.ts';
import { recordEntries, recordNow, stateAt, type BoardState as MomentState, type MeetingRecord } from '$domain/meeting-record.ts';
import { indexAtSeq } from '$lib/timeline/chart.ts';

/** The board at a seq of the record, and the time it stood so (its last change, or the meeting's start). */
export interface RecordedMoment {
  state: MomentState;
  at: string;
}

/** How long the timeline waits after a change on the board before it fetches the record again. */
const REFRESH_AFTER_MS = 400;

export class TimelineState {
  open = $state(false);
  record: MeetingRecord | null = $state.raw(null);
  failed = $state(false);
  /** The point scrubbed to; null: the last one (now), following the meeting as it moves. */
  #index: number | null = $state(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly entries = $derived(this.record ? recordEntries(this.record) : []);
  readonly points: TimelinePoint[] = $derived(
    this.record ? timeline(boardAt(recordNow(this.record), this.entries, 0), this.entries, this.#startedAt(this.record)) : [],
  );
  readonly index = $derived(this.#index === null ? Math.max(0, this.points.length - 1) : Math.min(this.#index, this.points.length - 1));
  /** Looking at a moment before now: the board below is the one that stood then, read-only. */
  readonly viewing = $derived(this.open && this.#index !== null && this.index < this.points.length - 1);
  readonly point: TimelinePoint | undefined = $derived(this.points[this.index]);
  readonly now: MomentState | null = $derived(this.record ? stateAt(this.record, this.record.seq, this.entries) : null);
  readonly past: MomentState | null = $derived(this.viewing && this.record && this.point ? stateAt(this.record, this.point.seq, this.entries) : null);

  /** The presenter's other moment for a ก่อน/หลัง on the screen (a seq), chosen before scrubbing to the second. */
  compareFrom: number | null = $state(null);

  constructor(
    private readonly meetingId: string,
    private readonly openedAt: string | null,
  ) {}

  #startedAt(record: MeetingRecord): string {
    return this.openedAt ?? record.changes[0]?.at ?? new Date().toISOString();
  }

  /** The board at `seq`; null until the record reaches it (the screen fetches the record when the moment arrives). */
  moment(seq: number): RecordedMoment | null {
    if (!this.record || this.record.seq < seq) return null;
    return { state: stateAt(this.record, seq, this.entries), at: this.points[indexAtSeq(this.points, seq)]?.at ?? this.#startedAt(this.record) };
  }

  async toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) this.#index = null;
    else await this.load();
  }

  async load(): Promise<void> {
    try {
      const response = await fetch(`/meetings/${encodeURIComponent(this.meetingId)}/record`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      this.record = ((await response.json()) as { data: MeetingRecord }).data;
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  /** The board moved: the record has one more change. A scrub into the past stays where it is. */
  boardMoved(): void {
    if (!this.open) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), REFRESH_AFTER_MS);
  }

  scrubTo(index: number): void {
    const last = this.points.length - 1;
    this.#index = index >= last ? null : Math.max(0, Math.round(index));
  }

  backToNow(): void {
    this.#index = null;
  }
}
