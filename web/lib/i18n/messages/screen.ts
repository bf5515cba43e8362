// Words for the room's screen and turning its pages.
export const SCREEN_MESSAGES = {
  page: { th: 'หน้า', en: 'Page' },
  previousPage: { th: 'หน้าก่อนหน้า', en: 'Previous page' },
  nextPage: { th: 'หน้าถัดไป', en: 'Next page' },
  autoTurn: { th: 'เปลี่ยนหน้าเอง', en: 'Turn pages by themselves' },
  pagesTurnThemselves: { th: 'เปลี่ยนหน้าเองทุก 12 วินาที', en: 'turning by themselves every 12 s' },
  screenPages: { th: 'หน้าบนจอ', en: 'Screen pages' },
  agendaNotes: { th: 'บันทึกของระเบียบวาระ', en: 'Notes on the agenda item' },
} as const satisfies Record<string, { th: string; en: string }>;
