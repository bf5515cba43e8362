// The plan form's fields as the set-up page labels them, Thai and English: refusals name a field by these words, never
// by its API key, so a secretary reads which box to fix and a script's author still gets the key in `details.field`.

export const PLAN_FIELD_LABELS = {
  titleTh: { th: 'ชื่อแผนงาน (ภาษาไทย)', en: 'Plan title (Thai)' },
  titleEn: { th: 'ชื่อแผนงาน (ภาษาอังกฤษ)', en: 'Plan title (English)' },
  fiscalYearBE: { th: 'ปีงบประมาณ (พ.ศ.)', en: 'Fiscal year (B.E.)' },
  hostAgencyTh: { th: 'หน่วยงานเจ้าภาพ', en: 'Host agency (Thai)' },
  hostAgencyEn: { th: 'หน่วยงานเจ้าภาพ (ภาษาอังกฤษ)', en: 'Host agency (English)' },
  frameMillionBaht: { th: 'กรอบวงเงิน (ล้านบาท)', en: 'Frame (million baht)' },
  hardCap: { th: 'ห้ามรวมวงเงินที่กำหนดเกินกรอบวงเงิน', en: 'The ceilings may not add up to more than the frame' },
  allowAboveRequest: { th: 'กำหนดวงเงินสูงกว่าวงเงินที่ขอได้', en: 'A ceiling may be above the request' },
  reason: { th: 'เหตุผลที่แก้ไขกรอบวงเงิน', en: 'Reason for changing the frame' },
  valueChain: { th: 'ห่วงโซ่คุณค่า', en: 'Value chain' },
  number: { th: 'เป้าหมายที่', en: 'Goal number' },
  stream: { th: 'ต้นน้ำ/กลางน้ำ/ปลายน้ำ', en: 'Stream' },
  nameTh: { th: 'ชื่อ (ภาษาไทย)', en: 'Name (Thai)' },
  nameEn: { th: 'ชื่อ (ภาษาอังกฤษ)', en: 'Name (English)' },
  approaches: { th: 'แนวทาง', en: 'Approaches' },
  code: { th: 'รหัสแนวทาง', en: 'Approach code' },
} as const satisfies Record<string, { th: string; en: string }>;

type Label = { th: string; en: string };

/**
 * A field path as the form shows it: `valueChain.1.approaches.0.code` is "ห่วงโซ่คุณค่า เป้าหมายลำดับที่ 2 แนวทาง
 * ลำดับที่ 1 รหัสแนวทาง" (rows counted from 1, as the page lists them); an unknown key stays itself.
 */
export function planFieldLabel(path: string): Label {
  const parts = path.split('.');
  const th: string[] = [];
  const en: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) {
      const row = Number(part) + 1;
      const isGoal = parts[i - 1] === 'valueChain';
      th.push(isGoal ? `เป้าหมายลำดับที่ ${row}` : `แนวทางลำดับที่ ${row}`);
      en.push(isGoal ? `goal row ${row}` : `approach row ${row}`);
    } else if (part !== 'approaches' || i === parts.length - 1) {
      const label: Label = (PLAN_FIELD_LABELS as Record<string, Label>)[part] ?? { th: part, en: part };
      th.push(label.th);
      en.push(label.en);
    }
  });
  return { th: th.join(' '), en: en.join(', ') };
}

/** The plan form's values: a plan as stored (the frame as million-baht text), or as last typed and sent back. */
export interface PlanFormValues {
  titleTh: string;
  titleEn: string;
  /** As typed when it was not a whole number (the refusal then names the box). */
  fiscalYearBE: number | string;
  hostAgencyTh: string;
  hostAgencyEn: string;
  frameMillionBaht: string;
  hardCap: boolean;
  allowAboveRequest: boolean;
  reason?: string;
  valueChain: {
    number: number | string;
    stream: string;
    nameTh: string;
    nameEn: string;
    approaches: { code: string; nameTh: string; nameEn: string }[];
  }[];
}
