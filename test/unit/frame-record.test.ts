import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordSigner } from '../../server/domain/record-signing.ts';
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

const signer = recordSigner(generateKeyPairSync('ed25519').privateKey);
const otherSigner = recordSigner(generateKeyPairSync('ed25519').privateKey);

/** A chain of `count` versions; the first `unsigned` of them without a signature, as made before signing existed. */
function chain(count: number, unsigned = 0): StoredFrameRecord[] {
  const records: StoredFrameRecord[] = [];
  for (let version = 1; version <= count; version++) {
    const prevHash = records.at(-1)?.hash ?? null;
    const body: FrameRecordBody = { version, content, preparedBy: 'เลขา', confirmedBy: 'ประธาน', recordedAt: '2023-01-26T03:00:00.000Z', prevHash };
    const sealed = sealFrameRecord(body);
    records.push({ id: `r${version}`, version, prevHash, ...sealed, signature: version <= unsigned ? null : signer.sign(sealed.canonical) });
  }
  return records;
}

const verify = (records: StoredFrameRecord[]) => verifyFrameChain(records, signer.verify);

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
    const result = verify(chain(3));
    expect(result.ok).toBe(true);
    expect(result.records.map((r) => r.ok)).toEqual([true, true, true]);
  });
  it('names exactly the record whose text was altered', () => {
    const records = chain(3);
    records[1] = { ...records[1], canonical: records[1].canonical.replace('"ceilingBaht":400', '"ceilingBaht":450') };
    const result = verify(records);
    expect(result.ok).toBe(false);
    expect(result.records.filter((r) => !r.ok)).toEqual([expect.objectContaining({ id: 'r2', fault: 'hash_mismatch' })]);
  });
  it('names a record whose link to the previous one was rewritten, even with a matching hash', () => {
    const records = chain(3);
    const body = JSON.parse(records[2].canonical) as FrameRecordBody;
    const forged = sealFrameRecord({ ...body, prevHash: 'f'.repeat(64) });
    records[2] = { ...records[2], ...forged, prevHash: 'f'.repeat(64) };
    expect(verify(records).records.filter((r) => !r.ok)).toEqual([expect.objectContaining({ id: 'r3', fault: 'chain_broken' })]);
  });
  it('checks every signature, and names a record whose figure was altered with its hash recomputed', () => {
    expect(verify(chain(2)).records.map((r) => r.signature)).toEqual(['valid', 'valid']);
    const records = chain(3);
    // Someone with the database rewrites a figure, its hash and every later link, as a hash chain alone allows.
    const body = JSON.parse(records[0].canonical) as FrameRecordBody;
    const forged = sealFrameRecord({ ...body, content: { ...body.content, frameBaht: body.content.frameBaht + 1 } });
    records[0] = { ...records[0], ...forged };
    for (const index of [1, 2]) {
      const later = JSON.parse(records[index].canonical) as FrameRecordBody;
      const resealed = sealFrameRecord({ ...later, prevHash: records[index - 1].hash });
      records[index] = { ...records[index], ...resealed, prevHash: records[index - 1].hash };
    }
    const result = verify(records);
    expect(result.ok).toBe(false);
    expect(result.records.map((r) => [r.id, r.fault ?? null, r.signature])).toEqual([
      ['r1', 'signature_invalid', 'invalid'],
      ['r2', 'signature_invalid', 'invalid'],
      ['r3', 'signature_invalid', 'invalid'],
    ]);
  });
  it('fails a record with one signature byte changed, or signed by another key', () => {
    const records = chain(2);
    const flipped = (records[1].signature!.slice(0, 10) + (records[1].signature![10] === '0' ? '1' : '0') + records[1].signature!.slice(11));
    expect(verify([records[0], { ...records[1], signature: flipped }]).records.map((r) => r.fault ?? null)).toEqual([null, 'signature_invalid']);
    expect(verifyFrameChain(records, otherSigner.verify).records.map((r) => r.fault)).toEqual(['signature_invalid', 'signature_invalid']);
    expect(verify([{ ...records[0], signature: records[0].signature!.slice(2) }]).records[0].fault).toBe('signature_invalid');
  });
  it('passes records from before signing as unsigned, but not an unsigned record after a signed one', () => {
    const result = verify(chain(3, 2));
    expect(result.ok).toBe(true);
    expect(result.records.map((r) => r.signature)).toEqual(['unsigned', 'unsigned', 'valid']);
    const stripped = chain(3);
    stripped[2] = { ...stripped[2], signature: null };
    expect(verify(stripped).records.map((r) => r.fault ?? null)).toEqual([null, null, 'signature_missing']);
  });
  it('reports unreadable text', () => {
    const records = chain(1);
    records[0] = { ...records[0], canonical: '{', hash: sha256Hex('{') };
    expect(verify(records).records[0].fault).toBe('unreadable');
  });
});
