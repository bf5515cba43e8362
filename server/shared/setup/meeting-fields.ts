// The meeting form's fields as the set-up page labels them, Thai and English: a refusal of a box's type or length names
// it by these words (the rules' own messages already say which field, in the same words).
export const MEETING_FIELD_LABELS = {
  number: { th: 'ครั้งที่', en: 'Meeting number' },
  yearBE: { th: 'พ.ศ. ของครั้งที่', en: 'Year (B.E.) of the number' },
  titleTh: { th: 'ชื่อการประชุม (ภาษาไทย)', en: 'Meeting title (Thai)' },
  titleEn: { th: 'ชื่อการประชุม (ภาษาอังกฤษ)', en: 'Meeting title (English)' },
  date: { th: 'วันที่ประชุม', en: 'Date' },
  time: { th: 'เวลาประชุม', en: 'Time' },
  venueTh: { th: 'สถานที่ประชุม (ภาษาไทย)', en: 'Venue (Thai)' },
  venueEn: { th: 'สถานที่ประชุม (ภาษาอังกฤษ)', en: 'Venue (English)' },
  onlineUrl: { th: 'ลิงก์ประชุมออนไลน์ (ถ้ามี)', en: 'Online meeting link (optional)' },
} as const satisfies Record<string, { th: string; en: string }>;

export type MeetingField = keyof typeof MEETING_FIELD_LABELS;

export function meetingFieldLabel(path: string): { th: string; en: string } {
  return (MEETING_FIELD_LABELS as Record<string, { th: string; en: string }>)[path] ?? { th: path, en: path };
}
