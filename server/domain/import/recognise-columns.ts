// Which field a column of a real budget spreadsheet holds, from the words its header uses. Thai budget documents
// spell the same column many ways (ลำดับ / ที่, หน่วยงาน / ส่วนราชการ / หน่วยงานเจ้าภาพ, วงเงิน / คำขอ /
// งบประมาณที่เสนอขอ (ล้านบาท)…), so a header is scored against every field and the best fit wins; a column nothing
// fits is left for the secretary to map by hand.
import { IMPORT_FIELDS, type AmountUnit, type ImportField } from './fields.ts';
import { matchKey } from './text.ts';

/** How sure a guess is: 3 the header is one of the field's usual names, 2 it contains one, 1 only its values fit. */
export type Confidence = 1 | 2 | 3;

interface Rule {
  field: ImportField;
  confidence: Confidence;
  /** Tested against the header without spaces and without what it says in brackets, e.g. the unit. */
  name?: RegExp;
  /** Tested against the whole header without spaces. */
  words?: RegExp;
  unless?: RegExp;
}

// Ordered from the most specific: on equal confidence the earlier rule wins, so รหัสหน่วยงาน is an agency code and
// not a project code, and หน่วยงานที่บูรณาการร่วม is a list of partners and not the lead agency.
const RULES: Rule[] = [
  { field: 'agencyCode', confidence: 3, name: /^(รหัสหน่วยงาน|รหัสส่วนราชการ|รหัสหน่วยรับงบประมาณ|agencycode|agencyid)$/ },
  { field: 'agencyCode', confidence: 2, words: /รหัสหน่วยงาน|รหัสส่วนราชการ|agencycode/ },
  { field: 'partners', confidence: 3, name: /^(หน่วยงาน(ที่)?(บูรณาการ)?ร่วม(ดำเนินการ)?|หน่วยงานที่(เกี่ยวข้อง|เชื่อมโยง)|partners?|partneragenc(y|ies))$/ },
  { field: 'partners', confidence: 2, words: /หน่วยงาน.*(ร่วม|เกี่ยวข้อง|เชื่อมโยง)|partner/ },
  { field: 'projectEn', confidence: 3, name: /^(projectnameen|projecten|nameen|englishname|ชื่อโครงการภาษาอังกฤษ)$/ },
  { field: 'projectEn', confidence: 2, words: /(โครงการ|project|ชื่อ|name).*(อังกฤษ|english|\(en\)|\(eng\))/ },
  { field: 'code', confidence: 3, name: /^(รหัส|รหัสโครงการ|code|projectcode|projectid)$/ },
  { field: 'code', confidence: 2, words: /^รหัสโครงการ|projectcode/ },
  { field: 'number', confidence: 3, name: /^(ลำดับ|ลำดับที่|ที่|no\.?|#|seq|item|ลำดับโครงการ)$/ },
  { field: 'number', confidence: 2, words: /^ลำดับ/ },
  { field: 'ministry', confidence: 3, name: /^(กระทรวง|ministry)$/ },
  { field: 'ministry', confidence: 2, words: /^กระทรวง/, unless: /หน่วยงาน|ส่วนราชการ/ },
  {
    field: 'agency',
    confidence: 3,
    name: /^(หน่วยงาน|หน่วยงานเจ้าภาพ|หน่วยงานหลัก|หน่วยงานเจ้าของโครงการ|หน่วยงานรับผิดชอบ|หน่วยงานที่รับผิดชอบ|ชื่อหน่วยงาน|ส่วนราชการ|หน่วยรับงบประมาณ|กระทรวง\/หน่วยงาน|agency|leadagency)$/,
  },
  { field: 'agency', confidence: 2, words: /หน่วยงาน|ส่วนราชการ|หน่วยรับงบ|agency/ },
  { field: 'integrationType', confidence: 3, name: /^((รูปแบบ|ลักษณะ|ประเภท)(การ)?บูรณาการ|การบูรณาการ|รูปแบบ|ลักษณะ|ประเภท|integration(type)?|type)$/ },
  { field: 'integrationType', confidence: 2, words: /บูรณาการ|integration/, unless: /ล้านบาท|บาท|ที่ขอ|คำขอ|เสนอขอ/ },
  // The amount asked for: "ขอ" (คำขอ, ที่ขอ, ที่เสนอขอ) or a unit makes it certain; allocated or approved amounts are
  // other columns, so those words make a column only a weak candidate.
  { field: 'requested', confidence: 1, words: /งบประมาณ|วงเงิน|budget|amount/ },
  { field: 'requested', confidence: 3, words: /คำขอ|ที่ขอ|เสนอขอ|ขอรับ|ขอตั้ง|requested|request/, unless: /ได้รับ|จัดสรร|อนุมัติ|หน่วยงาน/ },
  { field: 'requested', confidence: 3, words: /(งบประมาณ|วงเงิน|budget|amount).*(ล้านบาท|บาท|million|baht)/, unless: /ได้รับ|จัดสรร|อนุมัติ|เบิกจ่าย|เห็นควร|กรอบ/ },
  { field: 'requested', confidence: 2, words: /งบประมาณ|วงเงิน|budget|amount/, unless: /ได้รับ|จัดสรร|อนุมัติ|เบิกจ่าย|เห็นควร|กรอบ|allocated|approved/ },
  {
    field: 'project',
    confidence: 3,
    name: /^(ชื่อโครงการ|โครงการ|ชื่อโครงการ\/กิจกรรม|โครงการ\/กิจกรรม|ชื่อโครงการภาษาไทย|รายการ|รายการโครงการ|project|projectname|projecttitle)$/,
    unless: /อังกฤษ|english|\(en\)|\(eng\)/,
  },
  { field: 'project', confidence: 2, words: /ชื่อโครงการ|^โครงการ|projectname/, unless: /รหัส|งบ|วงเงิน|จำนวน|ประเภท|วัตถุประสงค์|ระยะเวลา|สถานะ|ผล/ },
  { field: 'summary', confidence: 3, name: /^(รายละเอียด|รายละเอียดโครงการ|สาระสำคัญ|สาระสำคัญ(ของ)?โครงการ|คำอธิบาย|วัตถุประสงค์|วัตถุประสงค์โครงการ|summary|description)$/ },
  { field: 'summary', confidence: 2, words: /รายละเอียด|สาระสำคัญ|วัตถุประสงค์|description/ },
  { field: 'goal', confidence: 3, name: /^(เป้าหมาย|เป้าหมายที่|ยุทธศาสตร์|ยุทธศาสตร์ที่|ประเด็นยุทธศาสตร์|เป้าหมาย\/ยุทธศาสตร์|goal|strategy)$/ },
  { field: 'goal', confidence: 2, words: /^(เป้าหมาย|ยุทธศาสตร์|ประเด็นยุทธศาสตร์)|^goal/, unless: /ตัวชี้วัด|โครงการ|ผลผลิต/ },
  { field: 'approach', confidence: 3, name: /^(แนวทาง|แนวทางที่|แนวทางการพัฒนา|แนวทางการดำเนินงาน|approach)$/ },
  { field: 'approach', confidence: 2, words: /^แนวทาง|approach/ },
];

const BRACKETED = /\([^)]*\)|\[[^\]]*\]/g;

export interface HeaderGuess {
  field: ImportField;
  confidence: Confidence;
}

/** The field a header most likely names, or null. `fiscalYearBE` prefers the amount for the plan's own year. */
export function recogniseHeader(header: string, fiscalYearBE?: number): HeaderGuess | null {
  const words = matchKey(header);
  if (words === '') return null;
  const name = words.replace(BRACKETED, '').replace(/[*:：]+$/, '');
  let best: HeaderGuess | null = null;
  for (const rule of RULES) {
    const fits = rule.name ? rule.name.test(name) : rule.words!.test(words);
    if (!fits || rule.unless?.test(words)) continue;
    let confidence = rule.confidence;
    // "งบประมาณปี 2566" beside "งบประมาณปี 2567": only the plan's own year is the request.
    if (rule.field === 'requested' && fiscalYearBE) {
      const year = /25\d\d|26\d\d/.exec(words)?.[0];
      if (year && Number(year) !== fiscalYearBE) confidence = 1;
    }
    if (!best || confidence > best.confidence) best = { field: rule.field, confidence };
  }
  return best;
}

/** The unit a header or a title row states: "(ล้านบาท)", "(บาท)", "หน่วย: ล้านบาท", "(million baht)". */
export function statedUnit(text: string): AmountUnit | null {
  const words = matchKey(text);
  if (/ล้านบาท|ล้าน|million|\(mb\)|mbaht|mthb/.test(words)) return 'million';
  if (/บาท|baht|thb|฿/.test(words)) return 'baht';
  return null;
}

/** A title row that says the unit of the whole table, as Thai tables do above their header: "หน่วย : ล้านบาท". */
export function titleUnit(text: string): AmountUnit | null {
  return /หน่วย|unit/.test(matchKey(text)) ? statedUnit(text) : null;
}

export interface ColumnGuess {
  index: number;
  /** As the file names it. */
  header: string;
  field: ImportField | null;
  confidence: Confidence | null;
  /** Another field this column also looked like, when a better-fitting column took that field. */
  alsoLike: ImportField | null;
}

/**
 * One guess per column, each field given to at most one column: the most confident, and on a tie the leftmost (Thai
 * tables put the main figures first). Columns whose header says nothing may still be recognised from their values
 * (`valueGuess`), which only ever fills a field no header claimed.
 */
export function guessColumns(
  header: string[],
  options: { fiscalYearBE?: number; valueGuess?: (index: number) => ImportField | null } = {},
): ColumnGuess[] {
  const guesses = header.map((text) => recogniseHeader(text, options.fiscalYearBE));
  const taken = new Map<ImportField, number>();
  for (const field of IMPORT_FIELDS) {
    let winner = -1;
    guesses.forEach((guess, index) => {
      if (guess?.field === field && (winner < 0 || guess.confidence > guesses[winner]!.confidence)) winner = index;
    });
    if (winner >= 0) taken.set(field, winner);
  }
  const columns: ColumnGuess[] = header.map((text, index) => {
    const guess = guesses[index];
    const mine = guess && taken.get(guess.field) === index;
    return { index, header: text, field: mine ? guess.field : null, confidence: mine ? guess.confidence : null, alsoLike: guess && !mine ? guess.field : null };
  });
  if (options.valueGuess) {
    for (const column of columns) {
      if (column.field) continue;
      const field = options.valueGuess(column.index);
      if (field && !taken.has(field)) {
        taken.set(field, column.index);
        column.field = field;
        column.confidence = 1;
      }
    }
  }
  return columns;
}

/** How many different fields a row's cells name: the header row of a sheet is the one that names the most. */
export function headerStrength(cells: string[], fiscalYearBE?: number): number {
  const fields = new Set<ImportField>();
  for (const cell of cells) {
    const guess = recogniseHeader(cell, fiscalYearBE);
    if (guess && guess.confidence >= 2) fields.add(guess.field);
  }
  return fields.size;
}
