// Presence goes out as the difference from the last list sent to the meeting: one person joining is one entry.
import { describe, expect, it } from 'vitest';
import { presenceDeltas } from '../../server/realtime/presence-broadcast.ts';
import type { PresenceChanged, PresenceEntry } from '../../server/shared/events/presenter.ts';

const entry = (id: string, online: boolean, following: boolean | null = null): PresenceEntry => ({
  participantId: id,
  displayName: `ผู้เข้าร่วม ${id}`,
  role: 'member',
  attendance: online ? 'online' : null,
  online,
  following,
});

describe('presenceDeltas', () => {
  it('sends the first list whole, then only the entries that changed and those removed, per meeting', () => {
    const sent: [string, PresenceChanged][] = [];
    const broadcast = presenceDeltas((meetingId, delta) => sent.push([meetingId, delta]));
    const crowd = Array.from({ length: 1_000 }, (_, i) => entry(`p${i}`, true));
    broadcast('m1', crowd);
    expect(sent[0]![1].changed).toHaveLength(1_000);

    broadcast('m1', [...crowd.slice(0, 999), entry('p999', true, true), entry('p1000', true)]);
    expect(sent[1]).toEqual(['m1', { changed: [entry('p999', true, true), entry('p1000', true)], removed: [] }]);

    broadcast('m1', [...crowd.slice(1, 999), entry('p999', true, true), entry('p1000', true)]);
    expect(sent[2]).toEqual(['m1', { changed: [], removed: ['p0'] }]);

    broadcast('m2', [entry('q', false)]);
    expect(sent[3]).toEqual(['m2', { changed: [entry('q', false)], removed: [] }]);
  });

  it('sends nothing when nothing changed', () => {
    const sent: PresenceChanged[] = [];
    const broadcast = presenceDeltas((_, delta) => sent.push(delta));
    broadcast('m', [entry('a', true)]);
    broadcast('m', [entry('a', true)]);
    expect(sent).toHaveLength(1);
  });
});
