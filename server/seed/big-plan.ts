/**
 * SAMPLE DATA, large: a deterministic plan of any number of projects (5,000 for the benchmarks and the tablet
 * test), built from the FY 2567 sample. Each of the sample's 78 projects is repeated as a provincial edition
 * ("… จังหวัดเชียงใหม่"), with its lead agency, approach and partners and a request drawn from a seeded PRNG;
 * the frame is the requests over 1.25, as in the sample, so the committee must cut.
 *
 * Pure module: no I/O, no clock, no Math.random; the same arguments give the same plan.
 */
import { mulberry32, samplePlan, type SamplePlan, type SampleProject } from './sample-plan.ts';

const REQUEST_TO_FRAME_RATIO = 1.25;
/** Requests between 1 and 300 million baht, in whole hundreds of baht (the 4th decimal of the display). */
const MIN_REQUEST_HUNDREDS = 10_000;
const MAX_REQUEST_HUNDREDS = 3_000_000;
/** The provincial editions: more than 5,000 / 78 of them, so every name in a plan is its own. */
const PROVINCES: readonly (readonly [th: string, en: string])[] = [
  ['กระบี่', 'Krabi'], ['กาญจนบุรี', 'Kanchanaburi'], ['กาฬสินธุ์', 'Kalasin'], ['กำแพงเพชร', 'Kamphaeng Phet'],
  ['ขอนแก่น', 'Khon Kaen'], ['จันทบุรี', 'Chanthaburi'], ['ฉะเชิงเทรา', 'Chachoengsao'], ['ชลบุรี', 'Chon Buri'],
  ['ชัยนาท', 'Chai Nat'], ['ชัยภูมิ', 'Chaiyaphum'], ['ชุมพร', 'Chumphon'], ['เชียงราย', 'Chiang Rai'],
  ['เชียงใหม่', 'Chiang Mai'], ['ตรัง', 'Trang'], ['ตราด', 'Trat'], ['ตาก', 'Tak'], ['นครนายก', 'Nakhon Nayok'],
  ['นครปฐม', 'Nakhon Pathom'], ['นครพนม', 'Nakhon Phanom'], ['นครราชสีมา', 'Nakhon Ratchasima'],
  ['นครศรีธรรมราช', 'Nakhon Si Thammarat'], ['นครสวรรค์', 'Nakhon Sawan'], ['นนทบุรี', 'Nonthaburi'],
  ['นราธิวาส', 'Narathiwat'], ['น่าน', 'Nan'], ['บึงกาฬ', 'Bueng Kan'], ['บุรีรัมย์', 'Buri Ram'],
  ['ปทุมธานี', 'Pathum Thani'], ['ประจวบคีรีขันธ์', 'Prachuap Khiri Khan'], ['ปราจีนบุรี', 'Prachin Buri'],
  ['ปัตตานี', 'Pattani'], ['พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya'], ['พะเยา', 'Phayao'], ['พังงา', 'Phangnga'],
  ['พัทลุง', 'Phatthalung'], ['พิจิตร', 'Phichit'], ['พิษณุโลก', 'Phitsanulok'], ['เพชรบุรี', 'Phetchaburi'],
  ['เพชรบูรณ์', 'Phetchabun'], ['แพร่', 'Phrae'], ['ภูเก็ต', 'Phuket'], ['มหาสารคาม', 'Maha Sarakham'],
  ['มุกดาหาร', 'Mukdahan'], ['แม่ฮ่องสอน', 'Mae Hong Son'], ['ยโสธร', 'Yasothon'], ['ยะลา', 'Yala'],
  ['ร้อยเอ็ด', 'Roi Et'], ['ระนอง', 'Ranong'], ['ระยอง', 'Rayong'], ['ราชบุรี', 'Ratchaburi'], ['ลพบุรี', 'Lop Buri'],
  ['ลำปาง', 'Lampang'], ['ลำพูน', 'Lamphun'], ['เลย', 'Loei'], ['ศรีสะเกษ', 'Si Sa Ket'], ['สกลนคร', 'Sakon Nakhon'],
  ['สงขลา', 'Songkhla'], ['สตูล', 'Satun'], ['สมุทรปราการ', 'Samut Prakan'], ['สมุทรสงคราม', 'Samut Songkhram'],
  ['สมุทรสาคร', 'Samut Sakhon'], ['สระแก้ว', 'Sa Kaeo'], ['สระบุรี', 'Saraburi'], ['สิงห์บุรี', 'Sing Buri'],
  ['สุโขทัย', 'Sukhothai'], ['สุพรรณบุรี', 'Suphan Buri'], ['สุราษฎร์ธานี', 'Surat Thani'], ['สุรินทร์', 'Surin'],
  ['หนองคาย', 'Nong Khai'], ['หนองบัวลำภู', 'Nong Bua Lam Phu'], ['อ่างทอง', 'Ang Thong'], ['อำนาจเจริญ', 'Amnat Charoen'],
  ['อุดรธานี', 'Udon Thani'], ['อุตรดิตถ์', 'Uttaradit'], ['อุทัยธานี', 'Uthai Thani'], ['อุบลราชธานี', 'Ubon Ratchathani'],
];

export const BIG_PLAN_MAX_PROJECTS = 78 * (PROVINCES.length + 1);

/** A plan of `projects` projects (1 to BIG_PLAN_MAX_PROJECTS), the sample's goals and agencies, marked as sample. */
export function bigPlan(projects: number, seed = 0x2567_5000): SamplePlan {
  if (!Number.isInteger(projects) || projects < 1 || projects > BIG_PLAN_MAX_PROJECTS) {
    throw new RangeError(`a big plan has 1 to ${BIG_PLAN_MAX_PROJECTS} projects, not ${projects}`);
  }
  const sample = samplePlan();
  const rng = mulberry32(seed);
  const list = Array.from({ length: projects }, (_, i): SampleProject => {
    const base = sample.projects[i % sample.projects.length]!;
    const edition = Math.floor(i / sample.projects.length);
    const province = edition === 0 ? null : PROVINCES[edition - 1]!;
    const hundreds = MIN_REQUEST_HUNDREDS + Math.floor(rng() ** 2 * (MAX_REQUEST_HUNDREDS - MIN_REQUEST_HUNDREDS));
    return {
      ...base,
      code: `BP67-${String(i + 1).padStart(4, '0')}`,
      nameTh: province ? `${base.nameTh} จังหวัด${province[0]}` : base.nameTh,
      nameEn: province ? `${base.nameEn}, ${province[1]} Province` : base.nameEn,
      requestedBaht: BigInt(hundreds) * 100n,
      partners: base.partners.map((p) => ({ ...p })),
    };
  });
  const requested = list.reduce((sum, p) => sum + p.requestedBaht, 0n);
  // Whole hundreds of baht, like every figure of the plan.
  const frameBaht = ((requested * 100n) / BigInt(REQUEST_TO_FRAME_RATIO * 100) / 100n) * 100n;
  return {
    ...sample,
    titleTh: `แผนงานบูรณาการขนาดใหญ่ ${projects.toLocaleString('en')} โครงการ ประจำปีงบประมาณ พ.ศ. 2567 (ข้อมูลตัวอย่าง)`,
    titleEn: `Large integrated budget plan, ${projects.toLocaleString('en')} projects, Fiscal Year B.E. 2567 (sample data)`,
    frameBaht,
    projects: list,
  };
}
