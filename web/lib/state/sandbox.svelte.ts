// This person's what-if sandbox on the meeting page: the edits the server keeps for them alone, laid over the live
// board with the same pure module the server checks them with (server/domain/sandbox.ts), so the totals, the
// difference from live and the conflicts follow the live board as it moves.
import { liveLineOf, resolvedProjects, sandboxOverlay, type SandboxEdit, type SandboxOperation, type SandboxOverlay } from '$domain/sandbox.ts';
import type { SandboxState as SandboxAnswer } from '$shared/events/sandbox.ts';
import type { Ack } from '$shared/ack.ts';
import type { WireError } from '$shared/errors.ts';
import type { BoardState } from './board.svelte.ts';
import type { MeetingSocket } from '$lib/realtime/meeting-socket.ts';

export class SandboxState {
  #board: BoardState;
  #storageKey: string;
  #edits: SandboxEdit[] = $state([]);
  #open = $state(false);
  #busy = $state(false);
  #heldAtRequest: string[] = $state([]);
  #loaded = $state(false);

  readonly #resolved = $derived(resolvedProjects(this.#boardNow().resolutions));
  /**
   * Laid over the board's own totals (kept by difference) and read project by project for the edits alone: a live
   * ceiling change costs this view the sandbox's few edits, not a pass over every project of the plan.
   */
  readonly view: SandboxOverlay = $derived(
    sandboxOverlay(
      this.#edits,
      (id) => {
        const project = this.#boardNow().project(id);
        return project && liveLineOf(project, this.#resolved);
      },
      this.#boardNow().totals,
    ),
  );

  constructor(board: BoardState) {
    this.#board = board;
    this.#storageKey = `cb-sandbox-open:${board.meeting.id}`;
  }

  /** The board, for the derived fields above (they run after the constructor has set it). */
  #boardNow(): BoardState {
    return this.#board;
  }

  get open() {
    return this.#open;
  }
  get busy() {
    return this.#busy;
  }
  get edits(): readonly SandboxEdit[] {
    return this.#edits;
  }
  get loaded() {
    return this.#loaded;
  }
  /** Projects a helper held at their request (the plan allows nothing above it), from the last change. */
  get heldAtRequest() {
    return this.#heldAtRequest;
  }

  /** Whether the panel was open in this tab before a reload. */
  restore(): void {
    this.#open = sessionStorage.getItem(this.#storageKey) === 'open';
  }

  toggle(): void {
    this.#open = !this.#open;
    sessionStorage.setItem(this.#storageKey, this.#open ? 'open' : 'closed');
  }

  async #call(send: () => Promise<Ack<SandboxAnswer>>): Promise<WireError | null> {
    this.#busy = true;
    try {
      const result = await send();
      if ('error' in result) return result.error;
      this.#edits = result.data.edits;
      this.#heldAtRequest = result.data.heldAtRequest;
      this.#loaded = true;
      return null;
    } finally {
      this.#busy = false;
    }
  }

  load(socket: MeetingSocket): Promise<WireError | null> {
    return this.#call(() => socket.emitWithAck('sandbox:load', {}));
  }

  change(socket: MeetingSocket, operation: SandboxOperation): Promise<WireError | null> {
    return this.#call(() => socket.emitWithAck('sandbox:change', { operation }));
  }

  clear(socket: MeetingSocket): Promise<WireError | null> {
    return this.#call(() => socket.emitWithAck('sandbox:clear', {}));
  }
}
