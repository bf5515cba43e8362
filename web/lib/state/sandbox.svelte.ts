// This person's what-if sandbox on the meeting page: the edits the server keeps for them alone, laid over the live
// board with the same pure module the server checks them with (server/domain/sandbox.ts), so the totals, the
// difference from live and the conflicts follow the live board as it moves.
import { liveBoardOf, sandboxView, type SandboxEdit, type SandboxOperation, type SandboxView } from '$domain/sandbox.ts';
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

  readonly view: SandboxView = $derived(sandboxView(this.#edits, liveBoardOf(this.#boardSnapshot())));

  constructor(board: BoardState) {
    this.#board = board;
    this.#storageKey = `cb-sandbox-open:${board.meeting.id}`;
  }

  #boardSnapshot() {
    const board = this.#board;
    return { projects: board.projects, resolutions: board.resolutions, meeting: board.meeting };
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
