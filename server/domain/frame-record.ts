// The agreed frame as a record: one canonical serialisation (sorted keys, whole baht as integers, ISO times), its
// SHA-256, and a chain from each version to the previous one of the same plan, so that any edit after the fact shows.
import { createHash } from 'node:crypto';
import type { Role } from '../shared/roles.ts';
import type { ResolutionOutcome } from '../shared/events/resolution.ts';
import { computeTotals, type Subtotal } from './totals.ts';
import type { SignatureStatus } from './record-signing.ts';

export interface FrameProjectLine {
  code: string;
  nameTh: string;
  agencyNameTh: string;
  goalNumber: number;
  approachCode: string;
  requestedBaht: number;
  ceilingBaht: number;
  outcome: ResolutionOutcome;
}

export interface FrameContent {
  planId: string;
  fiscalYearBE: number;
  meetingId: string;
  frameBaht: number;
  projects: FrameProjectLine[];
  totals: { overall: Subtotal; byGoal: Record<string, Subtotal>; byApproach: Record<string, Subtotal>; remainingBaht: number };
  participants: { displayName: string; role: Role }[];
  /** Resolutions on agenda items (project resolutions are in their lines). */
  agendaResolutions: { agendaNumber: string; outcome: ResolutionOutcome; textTh: string }[];
}

/** What is hashed and stored: the content, who and when, and the hash of the version before it. */
export interface FrameRecordBody {
  version: number;
  content: FrameContent;
  preparedBy: string;
  confirmedBy: string;
  recordedAt: string;
  prevHash: string | null;
}

export function frameContent(input: Omit<FrameContent, 'totals'>): FrameContent {
  const { overall, byGoal, byApproach, remainingBaht } = computeTotals(input.projects, input.frameBaht);
  return { ...input, totals: { overall, byGoal, byApproach, remainingBaht } };
}

/**
 * JSON with object keys in code-point order at every depth and no whitespace. Only strings, booleans, null, safe
 * integers (money is whole baht), arrays and plain objects are allowed: anything else would serialise ambiguously.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Canonical form holds whole numbers only, not ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`;
  }
  throw new TypeError(`Canonical form cannot hold ${Object.prototype.toString.call(value)}`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sealFrameRecord(body: FrameRecordBody): { canonical: string; hash: string } {
  const canonical = canonicalize(body);
  return { canonical, hash: sha256Hex(canonical) };
}

export interface StoredFrameRecord {
  id: string;
  version: number;
  canonical: string;
  hash: string;
  prevHash: string | null;
  /** Ed25519, hex; null for records made before the board signed them. */
  signature: string | null;
}

/**
 * `signature_invalid`: the signature is not the board key's over the stored text (the text and its hash were both
 * rewritten, or the signature was). `signature_missing`: unsigned, yet after a signed version, so not from before
 * signing existed: someone removed the signature. `pdf_mismatch` (locked minutes only): the stored PDF is not the one
 * whose hash was signed.
 */
export type FrameRecordFault = 'hash_mismatch' | 'chain_broken' | 'unreadable' | 'signature_invalid' | 'signature_missing' | 'pdf_mismatch';

export interface FrameRecordCheck {
  id: string;
  version: number;
  hash: string;
  ok: boolean;
  fault?: FrameRecordFault;
  signature: SignatureStatus;
}

export interface FrameVerification {
  ok: boolean;
  records: FrameRecordCheck[];
}

/** Whether a signature is the board key's over exactly this canonical text (RecordSigner.verify). */
export type SignatureCheck = (canonical: string, signature: string) => boolean;

/**
 * Recomputes every record's hash from its stored canonical text, checks each link to the record before it, and
 * checks each signature. A record whose text was altered fails on its own hash, or (hash recomputed) on its
 * signature; the records after it still point at its stored hash, so only the altered one is named. Unsigned records
 * pass as "unsigned" only before the first signed one: they were made before the board signed records.
 */
export function verifyFrameChain(records: readonly StoredFrameRecord[], signatureValid: SignatureCheck): FrameVerification {
  const sorted = [...records].sort((a, b) => a.version - b.version);
  const results = sorted.map((record, index): FrameRecordCheck => {
    const previous = index > 0 ? sorted[index - 1] : undefined;
    const signature: SignatureStatus = record.signature === null ? 'unsigned' : signatureValid(record.canonical, record.signature) ? 'valid' : 'invalid';
    const signedBefore = sorted.slice(0, index).some((r) => r.signature !== null);
    const fault =
      recordFault(record, previous) ??
      (signature === 'invalid' ? 'signature_invalid' : signature === 'unsigned' && signedBefore ? 'signature_missing' : undefined);
    return { id: record.id, version: record.version, hash: record.hash, ok: !fault, ...(fault ? { fault } : {}), signature };
  });
  return { ok: results.every((r) => r.ok), records: results };
}

function recordFault(record: StoredFrameRecord, previous: StoredFrameRecord | undefined): FrameRecordFault | undefined {
  if (sha256Hex(record.canonical) !== record.hash) return 'hash_mismatch';
  let body: FrameRecordBody;
  try {
    body = JSON.parse(record.canonical) as FrameRecordBody;
  } catch {
    return 'unreadable';
  }
  const expectedPrev = previous?.hash ?? null;
  if (record.prevHash !== expectedPrev || body.prevHash !== expectedPrev || body.version !== record.version) return 'chain_broken';
  return undefined;
}
