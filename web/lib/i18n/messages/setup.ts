// Words for setting a committee up: organisers, the roster, invites.
export const SETUP_MESSAGES = {
  setupTitle: { th: 'จัดการประชุม', en: 'Set up' },
  organiserLinkTitle: { th: 'เข้าใช้งานในฐานะผู้จัดการประชุม', en: 'Become an organiser' },
  organiserLinkIntro: {
    th: 'ผู้จัดการประชุม (ฝ่ายเลขานุการของแผน) สร้างแผนงาน รายชื่อคณะกรรมการ การประชุม และส่งลิงก์เชิญ ลิงก์นี้ใช้ได้ครั้งเดียว',
    en: 'Organisers (the plan\'s secretariat) create plans, committee rosters and meetings, and send invites. This link works once.',
  },
  becomeOrganiser: { th: 'เข้าใช้งาน', en: 'Continue' },
  signedInAsOrganiser: { th: 'ผู้จัดการประชุม', en: 'Organiser' },
  organisers: { th: 'ผู้จัดการประชุม', en: 'Organisers' },
  addOrganiser: { th: 'สร้างลิงก์ผู้จัดการประชุมเพิ่ม', en: 'Make a link for another organiser' },
  organiserLinkMade: { th: 'ลิงก์ผู้จัดการประชุม (ใช้ได้ครั้งเดียว ภายใน 3 วัน)', en: 'Organiser link (works once, within 3 days)' },
  addedBy: { th: 'เพิ่มโดย', en: 'added by' },
  withdrawn: { th: 'ยกเลิกแล้ว', en: 'withdrawn' },
  withdrawOrganiser: { th: 'ยกเลิกสิทธิ์', en: 'Withdraw' },
  setupMeetings: { th: 'แผนงานและการประชุม', en: 'Plans and meetings' },
} as const satisfies Record<string, { th: string; en: string }>;
