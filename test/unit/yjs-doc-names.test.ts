import { describe, expect, it } from 'vitest';
import type { Identity } from '../../server/auth/identity.ts';
import { can } from '../../server/domain/permissions.ts';
import { ROLES, type Role } from '../../server/shared/roles.ts';
import { docAccess, formatDocName, parseDocName } from '../../server/yjs/doc-names.ts';

const who = (role: Role, participantId = 'p1', meetingId = 'm1'): Identity => ({
  participantId,
  meetingId,
  role,
  displayName: participantId,
});

describe('parseDocName', () => {
  it('parses every kind and round-trips through formatDocName', () => {
    const names = ['meeting/m1/annotations', 'meeting/m1/minutes', 'meeting/m1/screen', 'meeting/m1/private/p_9-x'];
    for (const name of names) {
      const parsed = parseDocName(name);
      expect(parsed).not.toBeNull();
      expect(formatDocName(parsed!)).toBe(name);
    }
    expect(parseDocName('meeting/m1/private/p2')).toEqual({ meetingId: 'm1', kind: 'private', ownerId: 'p2' });
  });

  it.each([
    '',
    'meeting',
    'meeting/m1',
    'meeting//annotations',
    'meeting/m1/annotations/extra',
    'meeting/m1/private',
    'meeting/m1/private/',
    'meeting/m1/private/p1/x',
    'meeting/../annotations',
    'meeting/m1/../m2/minutes',
    'meeting/m.1/minutes',
    'Meeting/m1/minutes',
    'meeting/m1/notes',
    '/meeting/m1/minutes',
    `meeting/${'x'.repeat(129)}/minutes`,
  ])('rejects %j', (name) => {
    expect(parseDocName(name)).toBeNull();
  });
});

describe('docAccess', () => {
  const annotations = parseDocName('meeting/m1/annotations')!;
  const minutes = parseDocName('meeting/m1/minutes')!;

  it('denies every role another meeting’s documents', () => {
    for (const role of ROLES) {
      expect(docAccess(who(role, 'p1', 'm2'), annotations)).toBe('deny');
      expect(docAccess(who(role, 'p1', 'm2'), minutes)).toBe('deny');
      expect(docAccess(who(role, 'p1', 'm2'), parseDocName('meeting/m1/private/p1')!)).toBe('deny');
    }
  });

  it('annotations: everyone but the observer writes', () => {
    expect(ROLES.map((role) => [role, docAccess(who(role), annotations)])).toEqual([
      ['chair', 'write'],
      ['presenter', 'write'],
      ['member', 'write'],
      ['secretary', 'write'],
      ['observer', 'read'],
    ]);
  });

  it('minutes: the secretary and the chair write, the roles that may read drafts read, an observer cannot open them', () => {
    expect(ROLES.map((role) => [role, docAccess(who(role), minutes)])).toEqual([
      ['chair', 'write'],
      ['presenter', 'read'],
      ['member', 'read'],
      ['secretary', 'write'],
      ['observer', 'deny'],
    ]);
  });

  it('screen: only the roles that may put a note on the screen write, the rest read', () => {
    const screen = parseDocName('meeting/m1/screen')!;
    expect(ROLES.map((role) => [role, docAccess(who(role), screen)])).toEqual([
      ['chair', 'write'],
      ['presenter', 'write'],
      ['member', 'read'],
      ['secretary', 'read'],
      ['observer', 'read'],
    ]);
  });

  it('private: only the owner, and an observer owner only reads', () => {
    const mine = parseDocName('meeting/m1/private/p1')!;
    const theirs = parseDocName('meeting/m1/private/p2')!;
    for (const role of ROLES) {
      expect(docAccess(who(role), theirs)).toBe('deny');
      expect(docAccess(who(role), mine)).toBe(role === 'observer' ? 'read' : 'write');
    }
  });

  it('grants nothing to a role string it does not know', () => {
    expect(docAccess({ ...who('member'), role: 'admin' as Role }, annotations)).toBe('deny');
  });

  it('takes write access from the shared permissions module', () => {
    for (const role of ROLES) {
      expect(docAccess(who(role), annotations) === 'write').toBe(can(role, 'annotation:write'));
      expect(docAccess(who(role), { meetingId: 'm1', kind: 'minutes' }) === 'write').toBe(can(role, 'minutes:write'));
      expect(docAccess(who(role), { meetingId: 'm1', kind: 'private', ownerId: 'p1' }) === 'write').toBe(
        can(role, 'annotation:write'),
      );
    }
  });

  it('follows the meeting’s phase: a closed meeting’s notes are read-only, its minutes stay the secretary’s to write', () => {
    expect(docAccess(who('member'), annotations, 'closed')).toBe('read');
    expect(docAccess(who('member'), annotations, 'scheduled')).toBe('write');
    expect(docAccess(who('member'), parseDocName('meeting/m1/private/p1')!, 'closed')).toBe('read');
    expect(docAccess(who('secretary'), minutes, 'closed')).toBe('write');
    expect(docAccess(who('observer'), minutes, 'closed')).toBe('deny');
  });
});
