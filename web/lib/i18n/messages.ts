import { PRESENTER_MESSAGES } from './messages/presenter.ts';
import { ANNOTATIONS_MESSAGES } from './messages/annotations.ts';
import { MINUTES_MESSAGES } from './messages/minutes.ts';

// Interface words, Thai and English. Domain words (roles, streams, errors) live beside their types in server/shared.
import { CEILINGS_MESSAGES } from './messages/ceilings.ts';
import { RESOLUTION_MESSAGES } from './messages/resolution.ts';
import { BROWSE_MESSAGES } from './messages/browse.ts';
import { SCREEN_MESSAGES } from './messages/screen.ts';
import { SETUP_MESSAGES } from './messages/setup.ts';
import { IMPORT_MESSAGES } from './messages/import.ts';
import { PLANS_MESSAGES } from './messages/plans.ts';
import { RECORDS_MESSAGES } from './messages/records.ts';
import { RECORD_MESSAGES } from './messages/record.ts';
import { WHATIF_MESSAGES } from './messages/whatif.ts';
import { BULK_RESOLUTION_MESSAGES } from './messages/bulk-resolution.ts';
import { ATTENDANCE_MESSAGES } from './messages/attendance.ts';
import { LIFECYCLE_MESSAGES } from './messages/lifecycle.ts';
import { ADOPTION_MESSAGES } from './messages/adoption.ts';

const BOARD_MESSAGES = {
  appName: { th: 'กระดานประชุมคณะกรรมการ', en: 'Committee Board' },
  meetings: { th: 'การประชุม', en: 'Meetings' },
  noMeetings: { th: 'ยังไม่มีการประชุม', en: 'No meetings yet' },
  sampleData: { th: 'ข้อมูลตัวอย่าง', en: 'Sample data' },
  sampleDataNote: {
    th: 'รายการโครงการเป็นข้อมูลตัวอย่างที่มีรูปแบบเดียวกับแผนจริง ไม่ใช่รายการโครงการจริง',
    en: 'The project list is sample data shaped like the real plan, not the real list',
  },
  openBoard: { th: 'เปิดกระดาน', en: 'Open the board' },
  joinWithInvite: { th: 'เข้าร่วมได้ด้วยลิงก์เชิญที่ได้รับจากฝ่ายเลขานุการ', en: 'Join with the invite link the secretary sent you' },
  meetingNo: { th: 'ครั้งที่', en: 'No.' },
  projects: { th: 'โครงการ', en: 'projects' },
  frame: { th: 'กรอบวงเงิน', en: 'Frame' },
  totalCeilings: { th: 'รวมวงเงินที่กำหนด', en: 'Total of ceilings' },
  totalRequested: { th: 'รวมวงเงินที่ขอ', en: 'Total requested' },
  remaining: { th: 'คงเหลือในกรอบ', en: 'Remaining in frame' },
  overFrame: { th: 'เกินกรอบ', en: 'Over the frame' },
  millionBaht: { th: 'ล้านบาท', en: 'million baht' },
  code: { th: 'รหัส', en: 'Code' },
  project: { th: 'โครงการ', en: 'Project' },
  agency: { th: 'หน่วยงาน', en: 'Agency' },
  integration: { th: 'ลักษณะการบูรณาการ', en: 'Integration' },
  requested: { th: 'วงเงินที่ขอ', en: 'Requested' },
  ceiling: { th: 'วงเงินที่กำหนด', en: 'Ceiling' },
  difference: { th: 'ผลต่าง', en: 'Difference' },
  partners: { th: 'หน่วยงานที่บูรณาการร่วม', en: 'Partner agencies' },
  subtotal: { th: 'รวม', en: 'Subtotal' },
  goal: { th: 'เป้าหมายที่', en: 'Goal' },
  approach: { th: 'แนวทางที่', en: 'Approach' },
  agenda: { th: 'ระเบียบวาระ', en: 'Agenda' },
  you: { th: 'ท่าน', en: 'You' },
  role: { th: 'บทบาท', en: 'Role' },
  live: { th: 'เชื่อมต่อสด', en: 'Live' },
  connecting: { th: 'กำลังเชื่อมต่อ…', en: 'Connecting…' },
  offline: { th: 'ขาดการเชื่อมต่อ ตัวเลขอาจไม่เป็นปัจจุบัน', en: 'Disconnected: figures may be out of date' },
  joinTitle: { th: 'เข้าร่วมการประชุม', en: 'Join the meeting' },
  joinAs: { th: 'เข้าร่วมในบทบาท', en: 'Joining as' },
  yourName: { th: 'ชื่อ-นามสกุล', en: 'Your name' },
  yourNameHint: { th: 'ชื่อนี้จะแสดงต่อผู้ร่วมประชุมและในรายงานการประชุม', en: 'Shown to the other participants and in the minutes' },
  join: { th: 'เข้าร่วมประชุม', en: 'Join' },
  invitePeople: { th: 'เชิญผู้เข้าร่วมประชุม', en: 'Invite participants' },
  inviteRole: { th: 'บทบาทของผู้ได้รับเชิญ', en: 'Role of the invitee' },
  inviteName: { th: 'ชื่อ (ไม่บังคับ)', en: 'Name (optional)' },
  createInvite: { th: 'สร้างลิงก์เชิญ', en: 'Create invite link' },
  inviteCreated: { th: 'ลิงก์เชิญ (ใช้ได้ 14 วัน)', en: 'Invite link (valid for 14 days)' },
  venue: { th: 'ณ', en: 'At' },
  language: { th: 'English', en: 'ภาษาไทย' },
  collapse: { th: 'ย่อ', en: 'Collapse' },
  closePanel: { th: 'ปิดรายละเอียดโครงการ', en: 'Close project details' },
  partnerRequestsBudget: { th: 'ขอรับงบบูรณาการด้วย', en: 'also requests integrated budget' },
  showDetails: { th: 'ดูรายละเอียด', en: 'Show details' },
  expand: { th: 'ขยาย', en: 'Expand' },
} as const satisfies Record<string, { th: string; en: string }>;

/** Every group of interface words; a key belongs to one group only (test/unit/messages.test.ts holds to it). */
export const MESSAGE_GROUPS = {
  BOARD_MESSAGES,
  CEILINGS_MESSAGES,
  PRESENTER_MESSAGES,
  RESOLUTION_MESSAGES,
  ANNOTATIONS_MESSAGES,
  MINUTES_MESSAGES,
  BROWSE_MESSAGES,
  SCREEN_MESSAGES,
  SETUP_MESSAGES,
  IMPORT_MESSAGES,
  PLANS_MESSAGES,
  RECORDS_MESSAGES,
  RECORD_MESSAGES,
  WHATIF_MESSAGES,
  BULK_RESOLUTION_MESSAGES,
  ATTENDANCE_MESSAGES,
  LIFECYCLE_MESSAGES,
  ADOPTION_MESSAGES,
};

export const MESSAGES = {
  ...BOARD_MESSAGES,
  ...CEILINGS_MESSAGES,
  ...PRESENTER_MESSAGES,
  ...RESOLUTION_MESSAGES,
  ...ANNOTATIONS_MESSAGES,
  ...MINUTES_MESSAGES,
  ...BROWSE_MESSAGES,
  ...SCREEN_MESSAGES,
  ...SETUP_MESSAGES,
  ...IMPORT_MESSAGES,
  ...PLANS_MESSAGES,
  ...RECORDS_MESSAGES,
  ...RECORD_MESSAGES,
  ...WHATIF_MESSAGES,
  ...BULK_RESOLUTION_MESSAGES,
  ...ATTENDANCE_MESSAGES,
  ...LIFECYCLE_MESSAGES,
  ...ADOPTION_MESSAGES,
};

export type MessageKey = keyof typeof MESSAGES;
