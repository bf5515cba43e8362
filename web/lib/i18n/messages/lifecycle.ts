// Words for a meeting's lifecycle and its details: opening and closing it (on its set-up page and the board) and
// editing its number, date, time and venue. The phase names themselves live with the phases (meeting-phase.ts).
export const LIFECYCLE_MESSAGES = {
  meetingPhase: { th: 'สถานะการประชุม', en: 'Meeting status' },
  openMeeting: { th: 'เปิดประชุม', en: 'Open the meeting' },
  closeMeeting: { th: 'ปิดประชุม', en: 'Close the meeting' },
  confirmCloseMeeting: { th: 'ยืนยันปิดประชุม', en: 'Yes, close the meeting' },
  closeMeetingWarning: {
    th: 'เมื่อปิดประชุมแล้ว กระดานจะอ่านได้อย่างเดียว แก้ไขได้เฉพาะรายงานการประชุมและการลงชื่อเข้าประชุม และเปิดประชุมอีกไม่ได้',
    en: 'Once closed, the board is read-only but for the minutes and attendance, and the meeting cannot be opened again',
  },
  openedAtLabel: { th: 'เริ่มประชุมเวลา', en: 'Opened at' },
  closedAtLabel: { th: 'เลิกประชุมเวลา', en: 'Closed at' },
  scheduledNote: { th: 'ยังตัดสินใจใด ๆ ไม่ได้จนกว่าจะเปิดประชุม', en: 'Nothing can be decided until the meeting is opened' },
  closedNote: { th: 'กระดานนี้อ่านได้อย่างเดียว', en: 'This board is read-only' },
  meetingSetupTitle: { th: 'ตั้งค่าการประชุม', en: 'Meeting set-up' },
  meetingSettings: { th: 'การประชุมนี้', en: 'This meeting' },
} as const;
