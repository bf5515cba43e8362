import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES, phaseAllows, phaseRefusal, transition } from '../../server/domain/meeting-phase.ts';
import { ACTIONS } from '../../server/domain/permissions.ts';

describe('what each phase of a meeting allows', () => {
  it('decides nothing before the meeting opens, and prepares everything', () => {
    for (const action of ['ceiling:set', 'ceiling:propose', 'proposal:decide', 'resolution:record', 'resolution:confirm', 'frame:prepare', 'frame:confirm'] as const) {
      expect(phaseAllows('scheduled', action), action).toBe(false);
      expect(phaseRefusal('scheduled', action), action).toBe('meeting_not_open');
      expect(phaseAllows('in_session', action), action).toBe(true);
    }
    for (const action of ['agenda:add', 'agenda:edit', 'invite:create', 'projects:import', 'focus:move', 'meeting:edit', 'annotation:write'] as const) {
      expect(phaseAllows('scheduled', action), action).toBe(true);
    }
  });

  it('is read-only once closed but for the minutes (writing and adopting them) and attendance', () => {
    const allowed = ACTIONS.filter((action) => phaseAllows('closed', action));
    // Withdrawing access (a participant, a used invite) is never refused; organisers, the roster, new plans and a
    // plan's new meetings belong to the plan, not to this meeting.
    expect(allowed.sort()).toEqual(
      [
        'attendance:record', 'board:read', 'minutes:read-draft', 'minutes:write', 'participant:revoke', 'invite:revoke', 'organiser:add', 'roster:edit',
        'plan:create', 'meeting:create', 'minutes:circulate', 'minutes:amend', 'minutes:adopt', 'minutes:lock',
      ].sort(),
    );
    expect(phaseRefusal('closed', 'ceiling:set')).toBe('meeting_closed');
    expect(phaseRefusal('closed', 'agenda:edit')).toBe('meeting_closed');
  });

  it('allows everything that is not opening while in session', () => {
    expect(ACTIONS.filter((action) => !phaseAllows('in_session', action))).toEqual(['meeting:open']);
  });

  it('has a decision for every action in every phase', () => {
    for (const status of MEETING_STATUSES) for (const action of ACTIONS) expect(typeof phaseAllows(status, action)).toBe('boolean');
  });

  it('opens once, closes once, in that order, recording the moment', () => {
    const at = new Date('2026-12-02T03:00:00Z');
    expect(transition('scheduled', 'open', at)).toEqual({ ok: true, status: 'in_session', set: { openedAt: at } });
    expect(transition('in_session', 'close', at)).toEqual({ ok: true, status: 'closed', set: { closedAt: at } });
    expect(transition('scheduled', 'close', at)).toEqual({ ok: false, refusal: 'meeting_not_open' });
    expect(transition('in_session', 'open', at)).toEqual({ ok: false, refusal: 'meeting_already_open' });
    expect(transition('closed', 'open', at)).toEqual({ ok: false, refusal: 'meeting_closed' });
    expect(transition('closed', 'close', at)).toEqual({ ok: false, refusal: 'meeting_closed' });
  });
});
