import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  frameContent,
  sealFrameRecord,
  sha256Hex,
  verifyFrameChain,
  type FrameRecordBody,
  type StoredFrameRecord,
} from '../../server/domain/frame-record.ts';

const content = frameContent({
  planId: 'plan',
  fiscalYearBE: 2567,
  meetingId: 'meeting',
  frameBaht: 1_000,
  projects: [
    { code: 'P1', nameTh: 'โครงการหนึ่ง', agencyNameTh: 'สพร.', goalNumber: 1, approachCode: '1.1', requestedBaht: 500, ceilingBaht: 400, outcome: 'approved_adjusted' },
    { code: 'P2', nameTh: 'โครงการสอง', agencyNameTh: 'สพร.', goalNumber: 2, approachCode: '2.1', requestedBaht: 300, ceilingBaht: 300, outcome: 'approved_as_requested' },
  ],
  participants: [{ displayName: 'ประธาน', role: 'chair' }],
  agendaResolutions: [],
});

function chain(count: number): StoredFrameRecord[] {
  const records: StoredFrameRecord[] = [];
  for (let version = 1; version <= count; version++) {
    const prevHash = records.at(-1)?.hash ?? null;
    const body: FrameRecordBody = { version, content, preparedBy: 'เลขา', confirmedBy: 'ประธาน', recordedAt: '2023-01-26T03:00:00.000Z', prevHash };
    records.push({ id: `r${version}`, version, prevHash, ...sealFrameRecord(body) });
  }
  return records;
}

describe('canonicalize', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalize({ b: 1, a: { d: [2, { z: null, y: 'ก' }], c: true } })).toBe('{"a":{"c":true,"d":[2,{"y":"ก","z":null}]},"b":1}');
  });
  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalize({ x: 1, y: 2 })).toBe(canonicalize({ y: 2, x: 1 }));
  });
  it('refuses fractions, non-finite numbers, dates and class instances', () => {
    expect(() => canonicalize({ amount: 1.5 })).toThrow(/whole numbers/);
    expect(() => canonicalize(Number.NaN)).toThrow();
    expect(() => canonicalize(new Date())).toThrow();
    expect(() => canonicalize(new Map())).toThrow();
  });
});

describe('frame content', () => {
  it('carries the totals per approach, goal and overall', () => {
    expect(content.totals.overall.ceilingBaht).toBe(700);
    expect(content.totals.byGoal[1].ceilingBaht).toBe(400);
    expect(content.totals.byApproach['2.1'].requestedBaht).toBe(300);
    expect(content.totals.remainingBaht).toBe(300);
  });
  it('seals a record with the SHA-256 of its canonical text', () => {
    const [record] = chain(1);
    expect(record.hash).toBe(sha256Hex(record.canonical));
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyFrameChain', () => {
  it('accepts an untouched chain', () => {
    const result = verifyFrameChain(chain(3));
    expect(result.ok).toBe(true);
    expect(result.records.map((r) => r.ok)).toEqual([true, true, true]);
  });
  it('names exactly the record whose text was altered', () => {
    const records = chain(3);
    records[1] = { ...records[1], canonical: records[1].canonical.replace('"ceilingBaht":400', '"ceilingBaht":450') };
    const result = verifyFrameChain(records);
    expect(result.ok).toBe(false);
    expect(result.records.filter((r) => !r.ok)).toEqual([expect.objectContaining({ id: 'r2', fault: 'hash_mismatch' })]);
  });
  it('names a record whose link to the previous one was rewritten, even with a matching hash', () => {
    const records = chain(3);
    const body = JSON.parse(records[2].canonical) as FrameRecordBody;
    const forged = sealFrameRecord({ ...body, prevHash: 'f'.repeat(64) });
    records[2] = { ...records[2], ...forged, prevHash: 'f'.repeat(64) };
    expect(verifyFrameChain(records).records.filter((r) => !r.ok)).toEqual([expect.objectContaining({ id: 'r3', fault: 'chain_broken' })]);
  });
  it('reports unreadable text', () => {
    const records = chain(1);
    records[0] = { ...records[0], canonical: '{', hash: sha256Hex('{') };
    expect(verifyFrameChain(records).records[0].fault).toBe('unreadable');
  });
});
