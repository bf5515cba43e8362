import { describe, expect, it } from 'vitest';
import { samplePlan, type SamplePlan } from '../../server/seed/sample-plan.ts';

const plan: SamplePlan = samplePlan();
const FRAME = 5_523_911_000n;
const APPROACHES = ['1.1', '1.2', '2.1', '3.1'] as const;
const thai = /[\u0E00-\u0E7F]/;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('sample plan: header and frame', () => {
  it('is FY 2567 with the agreed frame of 5,523.9110 million baht', () => {
    expect(plan.fiscalYearBE).toBe(2567);
    expect(plan.frameBaht).toBe(FRAME);
    expect(typeof plan.frameBaht).toBe('bigint');
    const millions = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
    expect(millions.format(Number(plan.frameBaht) / 1_000_000)).toBe('5,523.9110');
  });

  it('has the Thai title of the integrated plan and says it is sample data', () => {
    expect(plan.titleTh.startsWith('แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567')).toBe(true);
    expect(plan.titleTh).toContain('ตัวอย่าง');
    expect(plan.titleEn.toLowerCase()).toContain('sample');
  });
});

describe('sample plan: goals and approaches', () => {
  it('has the three value-chain goals with their approaches', () => {
    expect(plan.goals.map((g) => [g.number, g.stream, g.approaches.map((a) => a.code)])).toEqual([
      [1, 'upstream', ['1.1', '1.2']],
      [2, 'midstream', ['2.1']],
      [3, 'downstream', ['3.1']],
    ]);
    const [g1, g2, g3] = plan.goals;
    expect(g1!.nameEn).toBe('Digital Government Transformation');
    expect(g2!.nameEn).toBe('Digital Common Platform');
    expect(g3!.nameEn).toBe('End-to-End Digital Data and Services via Digital Services Platform');
    expect(g1!.nameTh).toContain('ต้นน้ำ');
    expect(g2!.nameTh).toContain('กลางน้ำ');
    expect(g3!.nameTh).toContain('ปลายน้ำ');
  });

  it('names the approaches as the seed does', () => {
    const approaches = new Map(plan.goals.flatMap((g) => g.approaches).map((a) => [a.code, a]));
    expect(approaches.get('1.1')!.nameTh).toContain('พื้นฐาน');
    expect(approaches.get('1.1')!.nameTh).toContain('(Fundamental)');
    expect(approaches.get('1.2')!.nameTh).toContain('โครงสร้างพื้นฐาน');
    expect(approaches.get('2.1')!.nameTh).toContain('แพลตฟอร์มกลาง');
    expect(approaches.get('3.1')!.nameTh).toContain('แพลตฟอร์มบริการสำคัญ');
    for (const a of approaches.values()) {
      expect(a.nameTh).toMatch(thai);
      expect(a.nameEn.length).toBeGreaterThan(10);
    }
  });
});

describe('sample plan: agencies', () => {
  it('has exactly 51 agencies with unique codes and unique Thai names', () => {
    expect(plan.agencies).toHaveLength(51);
    expect(new Set(plan.agencies.map((a) => a.code)).size).toBe(51);
    expect(new Set(plan.agencies.map((a) => a.nameTh)).size).toBe(51);
    for (const a of plan.agencies) {
      expect(a.code).toMatch(/^A\d{2}$/);
      expect(a.nameTh).toMatch(/^(กรม|สำนักงาน)/);
      expect(a.ministryTh).toMatch(/^(กระทรวง|สำนักนายกรัฐมนตรี)/);
      expect(a.abbreviationTh).toMatch(thai);
      expect(a.nameEn.length).toBeGreaterThan(5);
    }
  });

  it('includes DGA (สพร.)', () => {
    const dga = plan.agencies.find((a) => a.abbreviationTh === 'สพร.');
    expect(dga?.nameTh).toBe('สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)');
  });
});

describe('sample plan: projects', () => {
  const agencyCodes = new Set(plan.agencies.map((a) => a.code));

  it('has exactly 78 projects coded DG67-001..DG67-078 in order, with unique Thai names', () => {
    expect(plan.projects).toHaveLength(78);
    expect(plan.projects.map((p) => p.code)).toEqual(
      Array.from({ length: 78 }, (_, i) => `DG67-${String(i + 1).padStart(3, '0')}`),
    );
    expect(new Set(plan.projects.map((p) => p.nameTh)).size).toBe(78);
  });

  it('has Thai and English names and summaries for every project', () => {
    for (const p of plan.projects) {
      expect(p.nameTh.startsWith('โครงการ')).toBe(true);
      expect(p.nameEn).toMatch(/^[\x20-\x7E]+$/);
      expect(p.summaryTh).toMatch(thai);
      expect(p.summaryTh.length).toBeGreaterThan(40);
      expect(p.summaryEn).toMatch(/^[\x20-\x7E]+\.$/);
    }
  });

  it('has every agency leading at least one project, and only known agencies', () => {
    for (const p of plan.projects) expect(agencyCodes.has(p.agencyCode)).toBe(true);
    const leads = new Set(plan.projects.map((p) => p.agencyCode));
    expect(leads.size).toBe(51);
  });

  it('uses all four approaches, each at least 8 times', () => {
    const counts = countBy(plan.projects, (p) => p.approachCode);
    expect([...counts.keys()].sort()).toEqual([...APPROACHES]);
    for (const code of APPROACHES) expect(counts.get(code)).toBeGreaterThanOrEqual(8);
  });

  it('uses both integration types, each at least 20 times', () => {
    const counts = countBy(plan.projects, (p) => p.integrationType);
    expect([...counts.keys()].sort()).toEqual(['budget', 'system_data']);
    expect(counts.get('budget')).toBeGreaterThanOrEqual(20);
    expect(counts.get('system_data')).toBeGreaterThanOrEqual(20);
  });

  it('names projects to match their approach', () => {
    const themes: Record<(typeof APPROACHES)[number], RegExp> = {
      '1.1': /ทักษะ|มาตรฐาน|ธรรมาภิบาล|สมรรถนะ|บัญชีข้อมูล|กฎหมาย|กำลังคน|บุคลากร|ประเมินผล|เข้าถึง/,
      '1.2': /คลาวด์|โครงข่าย|ไซเบอร์|ศูนย์|คอมพิวเตอร์|โครงสร้างพื้นฐาน|เครือข่าย|โทรมาตร|แจ้งเตือน/,
      '2.1': /แพลตฟอร์ม|ระบบ|กลาง|API|บริการ/,
      '3.1': /บริการ|ระบบ|ใบอนุญาต|ทะเบียน|สวัสดิการ|ภาษี|ที่ดิน|สุขภาพ/,
    };
    for (const p of plan.projects) expect(p.nameTh).toMatch(themes[p.approachCode]);
  });
});

describe('sample plan: requested amounts', () => {
  const amounts = plan.projects.map((p) => p.requestedBaht);

  it('are whole baht between 1,000,000 and 600,000,000', () => {
    for (const a of amounts) {
      expect(typeof a).toBe('bigint');
      expect(a).toBeGreaterThanOrEqual(1_000_000n);
      expect(a).toBeLessThanOrEqual(600_000_000n);
    }
  });

  it('are not round numbers and show varied 4-decimal million-baht digits', () => {
    for (const a of amounts) expect(a % 1_000n).not.toBe(0n);
    // Last two of the four decimals (thousands and hundreds of baht) vary across projects.
    const lastDigits = new Set(amounts.map((a) => (a / 100n) % 100n));
    expect(lastDigits.size).toBeGreaterThanOrEqual(30);
    const fourthDecimal = new Set(amounts.map((a) => (a / 100n) % 10n));
    expect(fourthDecimal.size).toBeGreaterThanOrEqual(5);
    expect(new Set(amounts).size).toBe(amounts.length);
  });

  it('total between 110% and 140% of the frame, so the committee must cut', () => {
    const total = amounts.reduce((sum, a) => sum + a, 0n);
    expect(total * 100n).toBeGreaterThan(FRAME * 110n);
    expect(total * 100n).toBeLessThan(FRAME * 140n);
  });
});

describe('sample plan: partners', () => {
  const agencyCodes = new Set(plan.agencies.map((a) => a.code));

  it('at least 40 projects have partners', () => {
    expect(plan.projects.filter((p) => p.partners.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it('reference existing agencies, 0..4 per project, unique, never the lead', () => {
    for (const p of plan.projects) {
      expect(p.partners.length).toBeLessThanOrEqual(4);
      const codes = p.partners.map((x) => x.agencyCode);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        expect(agencyCodes.has(code)).toBe(true);
        expect(code).not.toBe(p.agencyCode);
      }
      for (const x of p.partners) expect(typeof x.requestsBudget).toBe('boolean');
    }
  });

  it('budget-integration projects have at least one partner that uses the system without requesting budget', () => {
    for (const p of plan.projects.filter((x) => x.integrationType === 'budget')) {
      expect(p.partners.some((x) => !x.requestsBudget)).toBe(true);
    }
  });
});

describe('sample plan: determinism and purity', () => {
  it('returns deep-equal results on every call', () => {
    expect(samplePlan()).toEqual(samplePlan());
    expect(samplePlan()).toEqual(plan);
  });

  it('returns fresh objects: mutating one result does not affect the next', () => {
    const first = samplePlan();
    const expected = samplePlan();
    first.goals[0]!.approaches[0]!.nameTh = 'changed';
    first.goals.pop();
    first.agencies[0]!.nameTh = 'changed';
    first.projects[0]!.partners.push({ agencyCode: 'A99', requestsBudget: true });
    first.projects[1]!.requestedBaht = 1n;
    first.projects.length = 3;
    const second = samplePlan();
    expect(second).toEqual(expected);
    expect(second.goals).not.toBe(first.goals);
    expect(second.agencies[0]).not.toBe(first.agencies[0]);
  });
});
