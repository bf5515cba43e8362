import type { AgendaKind } from '../shared/board.ts';

/** The five items every Thai committee meeting's agenda has, in order. */
export const STANDARD_AGENDA: readonly { number: string; kind: AgendaKind; titleTh: string; titleEn: string }[] = [
  { number: '1', kind: 'announcement', titleTh: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ', titleEn: 'Announcements from the chair' },
  { number: '2', kind: 'minutes_approval', titleTh: 'เรื่องรับรองรายงานการประชุม', titleEn: 'Approval of the minutes' },
  { number: '3', kind: 'follow_up', titleTh: 'เรื่องสืบเนื่อง', titleEn: 'Matters arising' },
  { number: '4', kind: 'consideration', titleTh: 'เรื่องเพื่อพิจารณา', titleEn: 'Matters for consideration' },
  { number: '5', kind: 'other', titleTh: 'เรื่องอื่น ๆ', titleEn: 'Other business' },
];
