// What the verify page, the exports and their refusals say about a record's check, and what its files are called.
import type { FrameRecordCheck, FrameRecordFault } from '../domain/frame-record.ts';
import { BoardError, type FieldDetails } from './errors.ts';
import type { SignatureStatus } from '../domain/record-signing.ts';

export const RECORD_FAULT_LABELS: Record<FrameRecordFault, { th: string; en: string }> = {
  hash_mismatch: { th: 'ข้อมูลที่เก็บไว้ไม่ตรงกับค่าแฮช SHA-256 ที่บันทึกไว้', en: 'the stored data no longer matches its SHA-256 hash' },
  chain_broken: { th: 'การเชื่อมโยงกับค่าแฮชของฉบับก่อนหน้าไม่ถูกต้อง', en: 'its link to the previous version\'s hash is broken' },
  unreadable: { th: 'อ่านข้อมูลที่เก็บไว้ไม่ได้', en: 'the stored data cannot be read' },
  signature_invalid: { th: 'ลายมือชื่อดิจิทัลไม่ตรงกับข้อมูลที่เก็บไว้', en: 'the digital signature does not match the stored data' },
  signature_missing: {
    th: 'ไม่มีลายมือชื่อดิจิทัล ทั้งที่บันทึกหลังฉบับที่ลงลายมือชื่อแล้ว (ลายมือชื่อถูกลบออก)',
    en: 'it has no digital signature although it follows a signed version (the signature was removed)',
  },
  pdf_mismatch: {
    th: 'ไฟล์ PDF ที่เก็บไว้ไม่ตรงกับค่าแฮช SHA-256 ที่ลงลายมือชื่อดิจิทัลไว้',
    en: 'the stored PDF no longer matches the SHA-256 hash that was signed',
  },
};

export const SIGNATURE_STATUS_LABELS: Record<SignatureStatus, { th: string; en: string }> = {
  valid: { th: 'ลายมือชื่อดิจิทัลถูกต้อง', en: 'Signature valid' },
  invalid: { th: 'ลายมือชื่อดิจิทัลไม่ถูกต้อง', en: 'Signature invalid' },
  unsigned: { th: 'ไม่มีลายมือชื่อดิจิทัล (บันทึกก่อนมีการลงลายมือชื่อ)', en: 'Unsigned (recorded before records were signed)' },
};

/** `frame-FY2566-v2`: the name of every file of one frame record (.xlsx, .csv, .pdf, and the signed .json and .sig). */
export function frameFileStem(fiscalYearBE: number, version: number): string {
  return `frame-FY${fiscalYearBE}-v${version}`;
}

/** `minutes-3-2567`: the name of the files of one meeting's locked minutes (.pdf, and the signed .json and .sig). */
export function minutesFileStem(number: number, yearBE: number): string {
  return `minutes-${number}-${yearBE}`;
}

/** The board's public signing key, at an address that does not change with the meeting. */
export const PUBLIC_KEY_FILE = 'record-signing-key.pub.pem';
export const PUBLIC_KEY_PATH = `/${PUBLIC_KEY_FILE}`;

/** The refusal of a download of a record that fails verification, naming the record and what is wrong with it. */
export function failedVerification(check: FrameRecordCheck, name: { field: string; th: string; en: string }): BoardError {
  const reason = RECORD_FAULT_LABELS[check.fault ?? 'unreadable'];
  const details: FieldDetails & { recordId: string; version: number; fault: string } = {
    field: name.field,
    fieldTh: name.th,
    fieldEn: name.en,
    reasonTh: reason.th,
    reasonEn: reason.en,
    recordId: check.id,
    version: check.version,
    fault: check.fault ?? 'unreadable',
  };
  return new BoardError('record_failed_verification', details);
}
