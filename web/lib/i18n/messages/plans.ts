// Words for the plan pages: a new plan, a plan's fields and its value chain. The fields' own labels are the ones
// refusals name (server/shared/setup/plan-fields.ts), so the page and its errors say the same words.
export const PLANS_MESSAGES = {
  newPlan: { th: 'สร้างแผนงานใหม่', en: 'New plan' },
  newPlanIntro: {
    th: 'กรอกข้อมูลแผนงาน กรอบวงเงิน และห่วงโซ่คุณค่า ห่วงโซ่คุณค่าเริ่มจากแม่แบบของ สพร. (3 เป้าหมาย 4 แนวทาง) แก้ไขได้',
    en: 'Enter the plan, its frame and its value chain. The value chain starts from DGA\'s template (three goals, four approaches) and can be edited',
  },
  createPlan: { th: 'สร้างแผนงาน', en: 'Create the plan' },
  savePlan: { th: 'บันทึกแผนงาน', en: 'Save the plan' },
  planSaved: { th: 'บันทึกแผนงานแล้ว', en: 'The plan was saved' },
  planDetails: { th: 'ข้อมูลแผนงาน', en: 'Plan details' },
  planSettings: { th: 'แผนงาน', en: 'Plan' },
  frameHint: { th: 'ล้านบาท ทศนิยมไม่เกิน 4 ตำแหน่ง เช่น 5,523.9110', en: 'Million baht, at most 4 decimals, e.g. 5,523.9110' },
  planFlags: { th: 'เงื่อนไขวงเงิน', en: 'Ceiling rules' },
  frameReasonHint: {
    th: 'ต้องกรอกเมื่อแก้ไขกรอบวงเงินหลังจากที่ประชุมมีการตัดสินใจแล้ว',
    en: 'Needed when the frame changes after a meeting has decided anything',
  },
  valueChainIntro: { th: 'เป้าหมายและแนวทางของแผนงาน รหัสแนวทางต้องไม่ซ้ำกัน', en: 'The plan\'s goals and approaches; approach codes must be unique' },
  addGoal: { th: 'เพิ่มเป้าหมาย', en: 'Add a goal' },
  removeGoal: { th: 'ลบเป้าหมาย', en: 'Remove the goal' },
  addApproach: { th: 'เพิ่มแนวทาง', en: 'Add an approach' },
  removeApproach: { th: 'ลบแนวทาง', en: 'Remove the approach' },
  frameChangesTitle: { th: 'ประวัติการแก้ไขกรอบวงเงิน', en: 'Changes of the frame' },
  planMeetingsTitle: { th: 'การประชุมของแผนงานนี้', en: 'Meetings of this plan' },
  editPlan: { th: 'แก้ไขแผนงาน', en: 'Edit the plan' },
  plansFixThese: { th: 'กรุณาแก้ไขช่องต่อไปนี้', en: 'Please correct these fields' },
  newMeeting: { th: 'สร้างการประชุม', en: 'New meeting' },
  newMeetingIntro: { th: 'การประชุมครั้งใหม่ของแผนงานนี้', en: 'A new meeting of this plan' },
  meetingDetails: { th: 'วัน เวลา และสถานที่', en: 'Date, time and venue' },
  meetingNumberHint: {
    th: 'เว้นว่างไว้เพื่อใช้ครั้งถัดไปของปีตามวันที่ประชุม',
    en: 'Leave empty for the next number of the meeting date\'s year',
  },
  standardAgendaNote: {
    th: 'ระเบียบวาระเริ่มจาก 5 วาระมาตรฐาน วาระที่ 2 รับรองรายงานการประชุมครั้งก่อนของแผนงานนี้ (ถ้ามี)',
    en: 'The agenda starts from the five standard items; item 2 adopts the minutes of this plan\'s previous meeting, if any',
  },
  createMeeting: { th: 'สร้างการประชุม', en: 'Create the meeting' },
  meetingCreated: { th: 'สร้างการประชุมแล้ว', en: 'The meeting was created' },
} as const satisfies Record<string, { th: string; en: string }>;
