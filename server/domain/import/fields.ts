// What a column of a project list can be, named as the secretary reads it. The keys are the wire's; people only ever
// see the labels.

export const IMPORT_FIELDS = [
  'number',
  'code',
  'agency',
  'agencyCode',
  'ministry',
  'project',
  'projectEn',
  'summary',
  'goal',
  'approach',
  'integrationType',
  'requested',
  'partners',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, { th: string; en: string }> = {
  number: { th: 'ลำดับที่', en: 'Number' },
  code: { th: 'รหัสโครงการ', en: 'Project code' },
  agency: { th: 'หน่วยงานเจ้าภาพ', en: 'Lead agency' },
  agencyCode: { th: 'รหัสหน่วยงาน', en: 'Agency code' },
  ministry: { th: 'กระทรวง', en: 'Ministry' },
  project: { th: 'ชื่อโครงการ', en: 'Project name' },
  projectEn: { th: 'ชื่อโครงการภาษาอังกฤษ', en: 'Project name in English' },
  summary: { th: 'สาระสำคัญของโครงการ', en: 'Summary' },
  goal: { th: 'เป้าหมาย', en: 'Goal' },
  approach: { th: 'แนวทาง', en: 'Approach' },
  integrationType: { th: 'ลักษณะการบูรณาการ', en: 'Integration type' },
  requested: { th: 'วงเงินที่ขอ', en: 'Amount requested' },
  partners: { th: 'หน่วยงานที่บูรณาการร่วม', en: 'Partner agencies' },
};

/** Without these a row is not a project the board can show. The approach may also come from heading rows. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['agency', 'project', 'approach', 'integrationType', 'requested'];

export type AmountUnit = 'baht' | 'million';
