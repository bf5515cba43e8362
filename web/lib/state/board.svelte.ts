// One meeting's board in the browser: the snapshot the server sent, the totals derived from it, the connection's state,
// and what this person has selected.
import type { BoardSnapshot, ProjectView } from '$shared/board.ts';
import type { ResolutionView } from '$shared/events/resolution.ts';
import type { SequencedEvent } from '$shared/events/sequenced.ts';
import type { InstanceParts } from '$shared/events/cluster.ts';
import { moveCeiling, type FrameTotals } from '$domain/totals.ts';
import { applyBoardEvent, projectsMovedBy } from '$domain/board-events.ts';
import { projectsById, type ProjectsById } from '$domain/ceilings.ts';
import { totalsOf } from '$lib/board/grouping.ts';

/** 'revoked': the chair ended this person's access; nothing reconnects. */
export type ConnectionState = 'connecting' | 'live' | 'offline' | 'revoked';

export class BoardState {
  #snapshot: BoardSnapshot = $state()!;
  #connection: ConnectionState = $state('connecting');
  #selectedProjectId: string | null = $state(null);
  #sharedPartsDown = $state(false);

  /** Added up once per snapshot, then moved by each change's difference (moveCeiling), never recomputed per change. */
  #totals: FrameTotals = $state()!;
  /** The snapshot's projects by id, for the events that name one. */
  #byId: ProjectsById = new Map();

  readonly selectedProject: ProjectView | undefined = $derived(
    this.#snapshot.projects.find((p) => p.id === this.#selectedProjectId),
  );

  constructor(snapshot: BoardSnapshot) {
    this.#take(snapshot);
  }

  get totals(): FrameTotals {
    return this.#totals;
  }

  get meeting() {
    return this.#snapshot.meeting;
  }
  get goals() {
    return this.#snapshot.goals;
  }
  get agenda() {
    return this.#snapshot.agenda;
  }
  get projects() {
    return this.#snapshot.projects;
  }
  get proposals() {
    return this.#snapshot.proposals;
  }
  get proposalSets() {
    return this.#snapshot.proposalSets;
  }
  get seq() {
    return this.#snapshot.seq;
  }
  get resolutions() {
    return this.#snapshot.resolutions;
  }
  get focus() {
    return this.#snapshot.focus;
  }
  get connection() {
    return this.#connection;
  }
  /** The instance this board is connected to has lost Redis (it serves on, but alone): the chair is told. */
  get sharedPartsDown() {
    return this.#sharedPartsDown;
  }

  setInstanceParts(parts: InstanceParts): void {
    this.#sharedPartsDown = parts.redis === 'down';
  }

  /** Takes the server's full state, after a (re)connect or a gap: whatever we held may be stale. */
  replaceSnapshot(snapshot: BoardSnapshot): void {
    this.#take(snapshot);
  }

  #take(snapshot: BoardSnapshot): void {
    this.#snapshot = snapshot;
    this.#byId = projectsById(this.#snapshot.projects);
    this.#totals = totalsOf(snapshot.projects, snapshot.meeting.plan.frameBaht);
  }

  project(id: string): ProjectView | undefined {
    return this.#byId.get(id);
  }

  /**
   * Applies the meeting's next event (the connection releases them in seq order, each once). 'reload' when only a
   * fresh snapshot can follow it.
   */
  applyEvent(event: SequencedEvent): 'applied' | 'reload' {
    const moved = projectsMovedBy(event).flatMap((id) => {
      const project = this.#byId.get(id);
      return project ? [{ project, before: project.ceilingBaht }] : [];
    });
    const outcome = applyBoardEvent(this.#snapshot, this.#byId, event);
    if (outcome !== 'applied') return outcome;
    this.#snapshot.seq = event.payload.seq;
    // A project joining or leaving the totals: added up again, which the list's rare changes can afford.
    if (event.type === 'projects:changed') {
      this.#totals = totalsOf(this.#snapshot.projects, this.#snapshot.meeting.plan.frameBaht);
      return outcome;
    }
    for (const { project, before } of moved) {
      if (project.ceilingBaht !== before) moveCeiling(this.#totals, project, project.ceilingBaht - before);
    }
    return outcome;
  }

  /** The standing resolution on a project, if any. */
  resolutionFor(projectId: string): ResolutionView | undefined {
    return this.#snapshot.resolutions.find((r) => r.projectId === projectId);
  }

  /** The standing resolution on an agenda item, if any. */
  resolutionForAgendaItem(agendaItemId: string): ResolutionView | undefined {
    return this.#snapshot.resolutions.find((r) => r.agendaItemId === agendaItemId);
  }

  setConnection(state: ConnectionState): void {
    if (this.#connection === 'revoked') return;
    this.#connection = state;
  }

  select(projectId: string | null): void {
    this.#selectedProjectId = projectId;
  }
}
