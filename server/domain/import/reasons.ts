// Why a row of a project list cannot be imported, in the words the secretary reads, Thai and English.

export const IMPORT_REASONS = {
  malformed_row: { th: 'รูปแบบ CSV ของบรรทัดนี้ผิด (เครื่องหมายคำพูดไม่ครบ)', en: 'This CSV line is malformed (unbalanced quotes)' },
  wrong_column_count: { th: 'จำนวนช่องไม่ตรงกับหัวคอลัมน์', en: 'The number of cells does not match the header' },
  missing_field: { th: 'ไม่ได้กรอกข้อมูล', en: 'Missing value' },
  no_approach: { th: 'ไม่ระบุแนวทาง และไม่อยู่ใต้หัวข้อแนวทางใด', en: 'No approach given, and the row is under no approach heading' },
  unknown_goal: { th: 'ไม่พบเป้าหมายนี้ในแผน', en: 'This plan has no such goal' },
  unknown_approach: { th: 'ไม่พบแนวทางนี้ในแผน', en: 'This plan has no such approach' },
  goal_mismatch: { th: 'แนวทางไม่อยู่ในเป้าหมายที่ระบุ', en: 'The approach is not under the given goal' },
  unknown_integration_type: { th: 'ลักษณะการบูรณาการต้องเป็น ระบบ/ข้อมูล หรือ งบประมาณ', en: 'Integration type must be system/data or budget' },
  amount_not_a_number: { th: 'วงเงินไม่ใช่ตัวเลข', en: 'The amount is not a number' },
  amount_negative: { th: 'วงเงินติดลบไม่ได้', en: 'The amount cannot be negative' },
  amount_zero: { th: 'วงเงินที่ขอต้องมากกว่าศูนย์', en: 'The requested amount must be above zero' },
  amount_fractional_baht: { th: 'วงเงินละเอียดได้ถึงหลักบาทเท่านั้น', en: 'Whole baht only' },
  amount_too_large: { th: 'วงเงินมากเกินไป', en: 'The amount is too large' },
  amount_above_frame: { th: 'วงเงินที่ขอของโครงการเดียวเกินกรอบวงเงินทั้งแผน', en: 'One project asks for more than the whole frame' },
  duplicate_project: { th: 'ชื่อโครงการซ้ำกับบรรทัดก่อนหน้า', en: 'Duplicate project name' },
  duplicate_code: { th: 'รหัสโครงการซ้ำกับบรรทัดก่อนหน้า', en: 'Duplicate project code' },
  invalid_code: { th: 'รหัสหรือลำดับโครงการใช้ได้เฉพาะตัวอักษร ตัวเลข และ - . _ / ไม่เกิน 32 ตัว', en: 'Project codes and numbers use letters, digits and - . _ / only, at most 32' },
  text_too_long: { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  control_character: { th: 'มีอักขระควบคุมที่มองไม่เห็น', en: 'Contains invisible control characters' },
  replacement_character: { th: 'มีอักขระที่อ่านไม่ออก (ไฟล์อาจบันทึกผิดรหัสอักขระ)', en: 'Unreadable characters: the file may be in another encoding' },
  not_thai: { th: 'ชื่อภาษาไทยไม่มีอักษรไทย (ไฟล์อาจถูกแปลงรหัสอักขระผิด)', en: 'The Thai name has no Thai letters: the encoding may have been mangled' },
  formula_injection: { th: 'ข้อความขึ้นต้นด้วย = + - @ ซึ่งอาจเป็นสูตรที่เป็นอันตราย', en: 'Text starts with = + - @, which spreadsheets run as a formula' },
  agency_code_conflict: { th: 'รหัสหน่วยงานเป็นของหน่วยงานอื่น', en: 'The agency code belongs to another agency' },
  cell_error: { th: 'ช่องนี้มีค่าความผิดพลาดของสเปรดชีต', en: 'The cell holds a spreadsheet error' },
} as const satisfies Record<string, { th: string; en: string }>;
export type ImportReason = keyof typeof IMPORT_REASONS;

export interface ImportProblem {
  /** 1-based line (CSV) or row (XLSX) in the file. */
  line: number;
  /** The column's header as the file writes it; null for a problem with the whole row. */
  column: string | null;
  reason: ImportReason;
  value?: string;
}

/** A problem as the JSON API gives it: with its reason in words, so a script's log reads like the page. */
export function describeProblem(problem: ImportProblem): ImportProblem & { reasonTh: string; reasonEn: string } {
  return { ...problem, reasonTh: IMPORT_REASONS[problem.reason].th, reasonEn: IMPORT_REASONS[problem.reason].en };
}
