// Who is in the meeting, with role, attendance and follow state, and this person's role as it stands now (the chair
// may hand the presenter role over mid-meeting).
import type { ParticipantChange, PresenceEntry } from '$shared/events/presenter.ts';
import type { Role } from '$shared/roles.ts';

export class PresenceState {
  #entries: PresenceEntry[] = $state([]);
  #myRole: Role = $state('observer');
  readonly myParticipantId: string;

  /** Those who could follow, online: not presenters, who lead, nor screens, which always show the focus. */
  readonly followers = $derived(this.#entries.filter((e) => e.online && e.following !== null));
  readonly drifted = $derived(this.followers.filter((e) => !e.following));
  readonly online = $derived(this.#entries.filter((e) => e.online));

  constructor(session: { participantId: string; role: Role }) {
    this.myParticipantId = session.participantId;
    this.#myRole = session.role;
  }

  get entries() {
    return this.#entries;
  }
  get myRole() {
    return this.#myRole;
  }

  replace(entries: PresenceEntry[]): void {
    this.#entries = entries;
    const me = entries.find((e) => e.participantId === this.myParticipantId);
    if (me) this.#myRole = me.role;
  }

  /** Entries that changed replace their old selves (new ones join the end, as the server lists by joining); removed ones go. */
  merge(changed: PresenceEntry[], removed: string[]): void {
    const gone = new Set(removed);
    const byId = new Map(changed.map((e) => [e.participantId, e]));
    const next = this.#entries.filter((e) => !gone.has(e.participantId)).map((e) => byId.get(e.participantId) ?? e);
    const known = new Set(next.map((e) => e.participantId));
    this.replace([...next, ...changed.filter((e) => !known.has(e.participantId))]);
  }

  applyChanges(changes: ParticipantChange[]): void {
    for (const change of changes) {
      const entry = this.#entries.find((e) => e.participantId === change.participantId);
      if (entry) Object.assign(entry, { role: change.role, attendance: change.attendance });
      if (change.participantId === this.myParticipantId) this.#myRole = change.role;
    }
  }
}
