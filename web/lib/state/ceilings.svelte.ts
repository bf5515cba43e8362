// Live ceilings for one meeting page: sends this person's commands, and remembers which cells someone else just changed
// so they can flash with that person's name. (board-events.ts applies the broadcasts to the board.)
import { SvelteMap } from 'svelte/reactivity';
import type { Ack } from '$shared/ack.ts';
import type { CeilingHistoryEntry, ProjectView, ProposalView, SessionView } from '$shared/board.ts';
import { ceilingsBroadcast, type CeilingMove, type CeilingsBroadcast, type CeilingsUpdate, type ProposalClosure } from '$shared/events/ceilings.ts';
import { can, type Action } from '$domain/permissions.ts';
import { phaseAllows } from '$domain/meeting-phase.ts';
import type { BoardState } from './board.svelte.ts';
import type { MeetingConnection } from '$lib/realtime/meeting-socket.ts';

/** Long enough to be noticed from across a table, short enough not to linger once read. */
const FLASH_MS = 4_000;

export interface Flash {
  actorName: string;
  /** The change's seq: new on each change, so the cell restarts its animation. */
  changeId: number;
}

const OFFLINE: Ack<never> = { error: { code: 'internal', messageTh: 'ขาดการเชื่อมต่อ', messageEn: 'Disconnected' } };

export class CeilingsState {
  #board: BoardState;
  #session: SessionView;
  #connection: MeetingConnection | null = null;
  /**
   * A record, not a SvelteMap: a cell reading a project with no flash then depends on that project alone, so one
   * change re-runs one cell, not every cell on the board (a SvelteMap's missing keys all share one signal).
   */
  #flashes: Record<string, Flash | undefined> = $state({});
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How this person's own proposals ended, as the meeting heard it: they read who decided, when and why. */
  #myClosures = new SvelteMap<string, ProposalClosure>();
  /** Per project, how many proposals ended: a rejection moves no version, yet the history must show it. */
  #endings = new SvelteMap<string, number>();

  constructor(board: BoardState, session: SessionView) {
    this.#board = board;
    this.#session = session;
  }

  /** The role allows it and so does the meeting's phase: nothing is decided before it opens or after it closes. */
  #may(action: Action) {
    return can(this.#session.role, action) && phaseAllows(this.#board.meeting.status, action);
  }
  get canSet() {
    return this.#may('ceiling:set');
  }
  get canPropose() {
    return this.#may('ceiling:propose');
  }
  get canDecide() {
    return this.#may('proposal:decide');
  }
  /** Commands wait for a live, freshly synced board: nothing is sent against state that may be stale. */
  get canSend() {
    return this.#board.connection === 'live';
  }
  get participantId() {
    return this.#session.participantId;
  }

  flashOf(projectId: string): Flash | undefined {
    return this.#flashes[projectId];
  }

  proposalsFor(projectId: string): ProposalView[] {
    return this.#board.proposals.filter((p) => p.projectId === projectId);
  }

  /** Sends on the meeting's connection from now on; returns the cleanup. */
  attach(connection: MeetingConnection): () => void {
    this.#connection = connection;
    return () => {
      for (const timer of this.#timers.values()) clearTimeout(timer);
      this.#connection = null;
    };
  }

  /** How my proposal ended, once it has. */
  closureOf(proposalId: string): ProposalClosure | undefined {
    return this.#myClosures.get(proposalId);
  }

  /** Changes whenever a proposal on the project ends. */
  endingsOn(projectId: string): number {
    return this.#endings.get(projectId) ?? 0;
  }

  /** A broadcast update reached the board: flash what someone else changed, and keep how proposals ended. */
  applied(update: CeilingsBroadcast): void {
    const { change } = update;
    if (change && change.actorId !== this.#session.participantId) this.#flash(change, update.seq);
    for (const closure of update.closed ?? []) {
      if (closure.proposerId === this.#session.participantId) this.#myClosures.set(closure.id, closure);
      this.#endings.set(closure.projectId, this.endingsOn(closure.projectId) + 1);
    }
  }

  set(project: ProjectView, toBaht: number, expectedVersion: number, reason = '') {
    return this.#send('ceilings:set', { projectId: project.id, toBaht, expectedVersion, reason });
  }
  propose(project: ProjectView, proposedBaht: number, baseVersion: number, reason = '') {
    return this.#send('ceilings:propose', { projectId: project.id, proposedBaht, baseVersion, reason });
  }
  /** Sets the ceiling where the role allows, otherwise proposes it. */
  submit(project: ProjectView, baht: number, baseVersion: number, reason = '') {
    return this.canSet ? this.set(project, baht, baseVersion, reason) : this.propose(project, baht, baseVersion, reason);
  }
  revert(project: ProjectView) {
    return this.#send('ceilings:revert', { projectId: project.id, expectedVersion: project.version, reason: '' });
  }
  decide(proposal: ProposalView, decision: 'accept' | 'reject', reason = '') {
    const project = this.#board.projects.find((p) => p.id === proposal.projectId);
    return this.#send('ceilings:decide', { proposalId: proposal.id, decision, expectedVersion: project?.version ?? proposal.baseVersion, reason });
  }
  withdraw(proposal: ProposalView) {
    return this.#send('ceilings:withdraw', { proposalId: proposal.id });
  }
  undo() {
    return this.#send('ceilings:undo', {});
  }

  async history(projectId: string): Promise<Ack<CeilingHistoryEntry[]>> {
    if (!this.#connection) return OFFLINE;
    return this.#connection.socket.emitWithAck('ceilings:history', { projectId });
  }

  async #send<E extends 'ceilings:set' | 'ceilings:propose' | 'ceilings:revert' | 'ceilings:decide' | 'ceilings:withdraw' | 'ceilings:undo'>(
    event: E,
    payload: Parameters<import('$shared/contract.ts').ClientToServerEvents[E]>[0],
  ): Promise<Ack<CeilingsUpdate>> {
    if (!this.#connection || !this.canSend) return OFFLINE;
    const { socket } = this.#connection;
    const emit = socket.emitWithAck.bind(socket) as (event: E, payload: unknown) => Promise<Ack<CeilingsUpdate>>;
    const result = await emit(event, payload);
    // The broadcast usually lands first; the acknowledgement carries the same update in case it has not.
    if ('data' in result) this.#connection?.receive({ type: 'ceilings:updated', payload: ceilingsBroadcast(result.data) });
    return result;
  }

  #flash(change: CeilingMove, seq: number): void {
    this.#flashes[change.projectId] = { actorName: change.actorName, changeId: seq };
    clearTimeout(this.#timers.get(change.projectId));
    this.#timers.set(
      change.projectId,
      setTimeout(() => {
        delete this.#flashes[change.projectId];
        this.#timers.delete(change.projectId);
      }, FLASH_MS),
    );
  }
}
