import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordSigner } from '../../server/domain/record-signing.ts';
import { sha256Bytes } from '../../server/domain/frame-record.ts';
import {
  MINUTES_STATES,
  adoptionStep,
  boardMaintainsSections,
  minutesWritableBy,
  normaliseAmendments,
  sealMinutesRecord,
  stateRank,
  verifyMinutesChain,
  type AdoptionStep,
  type MinutesRecordBody,
  type MinutesState,
  type StoredMinutesRecord,
} from '../../server/domain/minutes-adoption.ts';

const sitting = { status: 'in_session', atMinutesItem: true } as const;
const STEPS: AdoptionStep[] = [
  { kind: 'circulate' },
  { kind: 'adopt', how: 'circulation' },
  { kind: 'adopt', how: 'next-meeting', sitting },
  { kind: 'lock' },
];

describe('the adoption state machine', () => {
  it('goes draft → circulated → adopted → locked, by either way of adopting', () => {
    expect(adoptionStep('draft', { kind: 'circulate' })).toEqual({ ok: true, state: 'circulated' });
    expect(adoptionStep('circulated', { kind: 'adopt', how: 'circulation' })).toEqual({ ok: true, state: 'adopted' });
    expect(adoptionStep('circulated', { kind: 'adopt', how: 'next-meeting', sitting })).toEqual({ ok: true, state: 'adopted' });
    expect(adoptionStep('adopted', { kind: 'lock' })).toEqual({ ok: true, state: 'locked' });
  });

  it('refuses every other step from every state as the wrong state, and nothing leaves locked', () => {
    const allowed = new Set(['draft:circulate', 'circulated:adopt', 'adopted:lock']);
    for (const state of MINUTES_STATES) {
      for (const step of STEPS) {
        const result = adoptionStep(state, step);
        if (allowed.has(`${state}:${step.kind}`)) expect(result.ok, `${state} ${step.kind}`).toBe(true);
        else expect(result, `${state} ${step.kind}`).toEqual({ ok: false, refusal: 'minutes_wrong_state' });
      }
    }
  });

  it('never goes back: every step it allows moves to a later state', () => {
    for (const state of MINUTES_STATES) {
      for (const step of STEPS) {
        const result = adoptionStep(state, step);
        if (result.ok) expect(stateRank(result.state)).toBe(stateRank(state) + 1);
      }
    }
  });

  it('adopts at the next meeting only while it sits, and at its agenda item 2', () => {
    for (const status of ['scheduled', 'closed'] as const) {
      expect(adoptionStep('circulated', { kind: 'adopt', how: 'next-meeting', sitting: { status, atMinutesItem: true } })).toEqual({
        ok: false,
        refusal: 'minutes_next_meeting_not_sitting',
      });
    }
    expect(adoptionStep('circulated', { kind: 'adopt', how: 'next-meeting', sitting: { status: 'in_session', atMinutesItem: false } })).toEqual({
      ok: false,
      refusal: 'minutes_not_at_agenda_item',
    });
    // Adopting a draft nobody was sent is the wrong state first, whatever the next meeting does.
    expect(adoptionStep('draft', { kind: 'adopt', how: 'next-meeting', sitting: { status: 'closed', atMinutesItem: false } })).toEqual({
      ok: false,
      refusal: 'minutes_wrong_state',
    });
  });
});

describe('who writes the live minutes', () => {
  const writer = { write: true, amend: false };
  const secretary = { write: true, amend: true };
  const member = { write: false, amend: false };
  it('the draft: whoever writes minutes; circulated: the secretary alone; adopted or locked: nobody', () => {
    const table = (grants: { write: boolean; amend: boolean }) => MINUTES_STATES.map((state) => minutesWritableBy(state, grants));
    expect(table(secretary)).toEqual([true, true, false, false]);
    expect(table(writer)).toEqual([true, false, false, false]);
    expect(table(member)).toEqual([false, false, false, false]);
  });
  it('the board keeps its sections current until the minutes are adopted', () => {
    expect(MINUTES_STATES.filter(boardMaintainsSections)).toEqual<MinutesState[]>(['draft', 'circulated']);
  });
  it('records amendments trimmed, without empty ones, in order', () => {
    expect(normaliseAmendments(['  หน้า 2 ', '', '   ', 'หน้า 3'])).toEqual(['หน้า 2', 'หน้า 3']);
  });
});

const signer = recordSigner(generateKeyPairSync('ed25519').privateKey);

function body(version: number, prevHash: string | null, pdf: Uint8Array): MinutesRecordBody {
  return {
    version,
    prevHash,
    planId: 'plan',
    meetingId: `m${version}`,
    meeting: { number: version, yearBE: 2567, titleTh: 'การประชุมคณะกรรมการ' },
    minutesHtml: `<h1>รายงานการประชุม ครั้งที่ ${version}/2567</h1><p>ที่ประชุมรับทราบ</p>`,
    amendments: version === 2 ? ['แก้ไขชื่อผู้เข้าร่วมประชุม'] : [],
    adoptedHow: version === 1 ? 'circulation' : 'next-meeting',
    adoptedAt: '2024-02-01T03:00:00.000Z',
    adoptedBy: 'ประธาน',
    adoptedAtMeeting: version === 1 ? null : { number: version + 1, yearBE: 2567 },
    lockedBy: 'เลขานุการ',
    recordedAt: '2024-02-01T04:00:00.000Z',
    pdfSha256: sha256Bytes(pdf),
  };
}

function chain(count: number): StoredMinutesRecord[] {
  const records: StoredMinutesRecord[] = [];
  for (let version = 1; version <= count; version++) {
    const pdf = new TextEncoder().encode(`%PDF-1.4 minutes ${version}`);
    const prevHash = records.at(-1)?.hash ?? null;
    const sealed = sealMinutesRecord(body(version, prevHash, pdf));
    records.push({ id: `m${version}`, version, prevHash, ...sealed, signature: signer.sign(sealed.canonical), pdf });
  }
  return records;
}

describe('locked minutes as records', () => {
  it('verify when untouched: hash, chain, signature and PDF', () => {
    const result = verifyMinutesChain(chain(3), signer.verify);
    expect(result.ok).toBe(true);
    expect(result.records.map((r) => r.signature)).toEqual(['valid', 'valid', 'valid']);
  });

  it('fail on one changed byte of the text, of the PDF or of the signature, naming that record only', () => {
    const text = chain(3);
    text[1] = { ...text[1]!, canonical: text[1]!.canonical.replace('รับทราบ', 'รับทราช') };
    expect(verifyMinutesChain(text, signer.verify).records.map((r) => r.fault ?? 'ok')).toEqual(['ok', 'hash_mismatch', 'ok']);

    const pdf = chain(3);
    const altered = new Uint8Array(pdf[1]!.pdf!);
    altered[altered.length - 1] ^= 1;
    pdf[1] = { ...pdf[1]!, pdf: altered };
    expect(verifyMinutesChain(pdf, signer.verify).records.map((r) => r.fault ?? 'ok')).toEqual(['ok', 'pdf_mismatch', 'ok']);

    const signature = chain(3);
    const sig = signature[2]!.signature!;
    signature[2] = { ...signature[2]!, signature: sig.slice(0, -2) + (sig.endsWith('00') ? '01' : '00') };
    const checked = verifyMinutesChain(signature, signer.verify);
    expect(checked.ok).toBe(false);
    expect(checked.records[2]).toMatchObject({ id: 'm3', ok: false, fault: 'signature_invalid', signature: 'invalid' });
  });

  it('fail when the chain skips a locked record', () => {
    const records = chain(3);
    const result = verifyMinutesChain([records[0]!, records[2]!], signer.verify);
    expect(result.records[1]).toMatchObject({ id: 'm3', ok: false, fault: 'chain_broken' });
  });
});
