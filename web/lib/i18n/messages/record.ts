// Words for the meeting's record: the replay "how the frame was reached" and the timeline.
export const RECORD_MESSAGES = {
  frameRecordTitle: { th: 'ที่มาของกรอบวงเงิน', en: 'How the frame was reached' },
  frameRecordIntro: {
    th: 'ทุกการเปลี่ยนแปลงของวงเงินและกรอบวงเงินในการประชุมนี้ตามลำดับ จัดกลุ่มตามระเบียบวาระ พร้อมยอดรวมและยอดคงเหลือหลังแต่ละรายการ สำหรับแนบรายงานการประชุม',
    en: 'Every change of a ceiling or of the frame in this meeting, in order, grouped by agenda item, with the total and the remainder after each, to attach to the minutes',
  },
  beforeAgenda: { th: 'ก่อนเข้าระเบียบวาระ', en: 'Before any agenda item' },
  changeSeq: { th: 'ลำดับ', en: 'No.' },
  changeTime: { th: 'เวลา', en: 'Time' },
  changeBy: { th: 'ผู้ดำเนินการ', en: 'By' },
  changeKind: { th: 'ประเภท', en: 'Change' },
  changeFrom: { th: 'จาก', en: 'From' },
  changeTo: { th: 'เป็น', en: 'To' },
  changeWhy: { th: 'เหตุผล', en: 'Reason' },
  totalAfter: { th: 'รวมวงเงินหลังรายการ', en: 'Total after' },
  remainingAfter: { th: 'คงเหลือหลังรายการ', en: 'Remaining after' },
  changesCount: { th: 'จำนวนการเปลี่ยนแปลง', en: 'Changes' },
  noChanges: { th: 'ยังไม่มีการเปลี่ยนแปลงวงเงินในการประชุมนี้', en: 'No ceiling or frame has changed in this meeting yet' },
  theFrame: { th: 'กรอบวงเงิน', en: 'The frame' },
  downloadRecordCsv: { th: 'ดาวน์โหลด CSV', en: 'Download CSV' },
  downloadRecordXlsx: { th: 'ดาวน์โหลด Excel (XLSX)', en: 'Download Excel (XLSX)' },
} as const satisfies Record<string, { th: string; en: string }>;
