// Words of the minutes page.
export const MINUTES_MESSAGES = {
  minutes: { th: 'รายงานการประชุม', en: 'Minutes' },
  openMinutes: { th: 'รายงานการประชุม', en: 'Minutes' },
  minutesReadOnly: {
    th: 'อ่านได้อย่างเดียว: ฝ่ายเลขานุการและประธานเป็นผู้แก้ไขรายงานการประชุม',
    en: 'Read only: the secretary and the chair edit the minutes',
  },
  minutesEditing: { th: 'กำลังแก้ไขร่วมกัน', en: 'Editing together' },
  minutesOffline: {
    th: 'ออฟไลน์: สิ่งที่พิมพ์เก็บไว้ในเครื่องนี้และจะรวมเข้ากับเอกสารเมื่อเชื่อมต่อได้',
    en: 'Offline: what you type is kept here and merged when the connection returns',
  },
  minutesConnecting: { th: 'กำลังเชื่อมต่อ…', en: 'Connecting…' },
  editorsNow: { th: 'ผู้ที่กำลังแก้ไข', en: 'Editing now' },
  bold: { th: 'ตัวหนา', en: 'Bold' },
  heading: { th: 'หัวข้อ', en: 'Heading' },
  bulletList: { th: 'รายการ', en: 'List' },
  orderedList: { th: 'รายการลำดับเลข', en: 'Numbered list' },
} as const satisfies Record<string, { th: string; en: string }>;
