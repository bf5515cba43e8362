/**
 * SAMPLE DATA: a deterministic sample of the FY B.E. 2567 integrated digital-government budget plan
 * (แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567), with the real plan's shape:
 * 78 projects from 51 agencies, three goals along the value chain, four approaches, and the agreed
 * frame of 5,523.9110 million baht. The real project list is not public, so the agencies, projects,
 * amounts and partners below are plausible but invented; the titles say so ("ข้อมูลตัวอย่าง").
 *
 * Pure module: no I/O, no clock, no Math.random. Amounts and partners come from a seeded PRNG
 * (mulberry32, fixed seed) that is re-created on every call, so samplePlan() always returns the same
 * plan, as fresh objects.
 */
import { dgaValueChain } from './dga-value-chain.ts';

export type Stream = 'upstream' | 'midstream' | 'downstream';
export type IntegrationType = 'system_data' | 'budget';
export type ApproachCode = '1.1' | '1.2' | '2.1' | '3.1';

export interface SampleGoal {
  number: 1 | 2 | 3;
  stream: Stream;
  nameTh: string;
  nameEn: string;
  approaches: SampleApproach[];
}

export interface SampleApproach {
  code: ApproachCode;
  nameTh: string;
  nameEn: string;
}

export interface SampleAgency {
  code: string; // e.g. 'A01'
  nameTh: string;
  nameEn: string;
  abbreviationTh: string; // e.g. 'สพร.'
  ministryTh: string;
}

export interface SampleProject {
  code: string; // 'DG67-001' .. 'DG67-078', in the list order
  nameTh: string;
  nameEn: string;
  summaryTh: string; // one or two Thai sentences: what it builds and who uses it
  summaryEn: string; // the same in English
  agencyCode: string; // lead agency
  approachCode: ApproachCode;
  integrationType: IntegrationType;
  requestedBaht: bigint; // whole baht
  partners: { agencyCode: string; requestsBudget: boolean }[]; // 0..4 other agencies, never the lead
}

export interface SamplePlan {
  fiscalYearBE: 2567;
  titleTh: string;
  titleEn: string;
  frameBaht: bigint;
  goals: SampleGoal[];
  agencies: SampleAgency[];
  projects: SampleProject[];
}

// ---------------------------------------------------------------------------------------------
// Plan constants
// ---------------------------------------------------------------------------------------------

const SEED = 0x2567_0126; // FY 2567, committee meeting 26 Jan
const FRAME_BAHT = 5_523_911_000n; // 5,523.9110 million baht, the agreed frame
/** The requests are scaled so that they total about 125% of the frame: the committee must cut. */
const REQUEST_TO_FRAME_RATIO = 1.25;
const MIN_REQUEST_BAHT = 1_000_000;
const MAX_REQUEST_BAHT = 600_000_000;

const TITLE_TH = 'แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567 (ข้อมูลตัวอย่าง)';
const TITLE_EN = 'Digital Government Integrated Budget Plan, Fiscal Year B.E. 2567 (sample data)';


// ---------------------------------------------------------------------------------------------
// Agencies (51). `sector` is internal: it picks plausible partners for system/data projects.
// ---------------------------------------------------------------------------------------------

type Sector =
  | 'central' | 'interior' | 'finance' | 'commerce' | 'health' | 'social' | 'labour'
  | 'agriculture' | 'transport' | 'education' | 'justice' | 'environment';

interface AgencyRow extends SampleAgency {
  sector: Sector;
}

const M_PM = 'สำนักนายกรัฐมนตรี';
const M_DES = 'กระทรวงการดิจิทัลเพื่อเศรษฐกิจและสังคม';
const M_INTERIOR = 'กระทรวงมหาดไทย';
const M_FINANCE = 'กระทรวงการคลัง';
const M_COMMERCE = 'กระทรวงพาณิชย์';
const M_HEALTH = 'กระทรวงสาธารณสุข';
const M_SOCIAL = 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์';
const M_LABOUR = 'กระทรวงแรงงาน';
const M_AGRI = 'กระทรวงเกษตรและสหกรณ์';
const M_TRANSPORT = 'กระทรวงคมนาคม';
const M_EDU = 'กระทรวงศึกษาธิการ';
const M_HIGHER_EDU = 'กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม';
const M_FOREIGN = 'กระทรวงการต่างประเทศ';
const M_JUSTICE = 'กระทรวงยุติธรรม';
const M_ENV = 'กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม';

function agency(
  code: string, abbreviationTh: string, nameTh: string, nameEn: string, ministryTh: string, sector: Sector,
): AgencyRow {
  return { code, nameTh, nameEn, abbreviationTh, ministryTh, sector };
}

const AGENCIES: readonly AgencyRow[] = [
  agency('A01', 'สพร.', 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', 'Digital Government Development Agency (Public Organization)', M_PM, 'central'),
  agency('A02', 'สป.ดศ.', 'สำนักงานปลัดกระทรวงการดิจิทัลเพื่อเศรษฐกิจและสังคม', 'Office of the Permanent Secretary, Ministry of Digital Economy and Society', M_DES, 'central'),
  agency('A03', 'สสช.', 'สำนักงานสถิติแห่งชาติ', 'National Statistical Office', M_DES, 'central'),
  agency('A04', 'สกมช.', 'สำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ', 'National Cyber Security Agency', M_DES, 'central'),
  agency('A05', 'สคส.', 'สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล', 'Office of the Personal Data Protection Committee', M_DES, 'central'),
  agency('A06', 'สพธอ.', 'สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์', 'Electronic Transactions Development Agency', M_DES, 'central'),
  agency('A07', 'สศด.', 'สำนักงานส่งเสริมเศรษฐกิจดิจิทัล', 'Digital Economy Promotion Agency', M_DES, 'central'),
  agency('A08', 'อต.', 'กรมอุตุนิยมวิทยา', 'Thai Meteorological Department', M_DES, 'environment'),
  agency('A09', 'ปค.', 'กรมการปกครอง', 'Department of Provincial Administration', M_INTERIOR, 'interior'),
  agency('A10', 'ทด.', 'กรมที่ดิน', 'Department of Lands', M_INTERIOR, 'interior'),
  agency('A11', 'สถ.', 'กรมส่งเสริมการปกครองท้องถิ่น', 'Department of Local Administration', M_INTERIOR, 'interior'),
  agency('A12', 'ยผ.', 'กรมโยธาธิการและผังเมือง', 'Department of Public Works and Town & Country Planning', M_INTERIOR, 'interior'),
  agency('A13', 'ปภ.', 'กรมป้องกันและบรรเทาสาธารณภัย', 'Department of Disaster Prevention and Mitigation', M_INTERIOR, 'interior'),
  agency('A14', 'บก.', 'กรมบัญชีกลาง', "Comptroller General's Department", M_FINANCE, 'finance'),
  agency('A15', 'สพ.', 'กรมสรรพากร', 'Revenue Department', M_FINANCE, 'finance'),
  agency('A16', 'ศก.', 'กรมศุลกากร', 'Customs Department', M_FINANCE, 'finance'),
  agency('A17', 'สส.', 'กรมสรรพสามิต', 'Excise Department', M_FINANCE, 'finance'),
  agency('A18', 'ธร.', 'กรมธนารักษ์', 'Treasury Department', M_FINANCE, 'finance'),
  agency('A19', 'สศค.', 'สำนักงานเศรษฐกิจการคลัง', 'Fiscal Policy Office', M_FINANCE, 'finance'),
  agency('A20', 'พค.', 'กรมพัฒนาธุรกิจการค้า', 'Department of Business Development', M_COMMERCE, 'commerce'),
  agency('A21', 'คต.', 'กรมการค้าต่างประเทศ', 'Department of Foreign Trade', M_COMMERCE, 'commerce'),
  agency('A22', 'ทป.', 'กรมทรัพย์สินทางปัญญา', 'Department of Intellectual Property', M_COMMERCE, 'commerce'),
  agency('A23', 'สป.สธ.', 'สำนักงานปลัดกระทรวงสาธารณสุข', 'Office of the Permanent Secretary, Ministry of Public Health', M_HEALTH, 'health'),
  agency('A24', 'คร.', 'กรมควบคุมโรค', 'Department of Disease Control', M_HEALTH, 'health'),
  agency('A25', 'อย.', 'สำนักงานคณะกรรมการอาหารและยา', 'Food and Drug Administration', M_HEALTH, 'health'),
  agency('A26', 'พ.', 'กรมการแพทย์', 'Department of Medical Services', M_HEALTH, 'health'),
  agency('A27', 'สป.พม.', 'สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', 'Office of the Permanent Secretary, Ministry of Social Development and Human Security', M_SOCIAL, 'social'),
  agency('A28', 'ผส.', 'กรมกิจการผู้สูงอายุ', 'Department of Older Persons', M_SOCIAL, 'social'),
  agency('A29', 'พก.', 'กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ', 'Department of Empowerment of Persons with Disabilities', M_SOCIAL, 'social'),
  agency('A30', 'สปส.', 'สำนักงานประกันสังคม', 'Social Security Office', M_LABOUR, 'labour'),
  agency('A31', 'กกจ.', 'กรมการจัดหางาน', 'Department of Employment', M_LABOUR, 'labour'),
  agency('A32', 'กพร.', 'กรมพัฒนาฝีมือแรงงาน', 'Department of Skill Development', M_LABOUR, 'labour'),
  agency('A33', 'สป.กษ.', 'สำนักงานปลัดกระทรวงเกษตรและสหกรณ์', 'Office of the Permanent Secretary, Ministry of Agriculture and Cooperatives', M_AGRI, 'agriculture'),
  agency('A34', 'กสก.', 'กรมส่งเสริมการเกษตร', 'Department of Agricultural Extension', M_AGRI, 'agriculture'),
  agency('A35', 'ปศ.', 'กรมปศุสัตว์', 'Department of Livestock Development', M_AGRI, 'agriculture'),
  agency('A36', 'กป.', 'กรมประมง', 'Department of Fisheries', M_AGRI, 'agriculture'),
  agency('A37', 'ชป.', 'กรมชลประทาน', 'Royal Irrigation Department', M_AGRI, 'agriculture'),
  agency('A38', 'ขบ.', 'กรมการขนส่งทางบก', 'Department of Land Transport', M_TRANSPORT, 'transport'),
  agency('A39', 'จท.', 'กรมเจ้าท่า', 'Marine Department', M_TRANSPORT, 'transport'),
  agency('A40', 'ทล.', 'กรมทางหลวง', 'Department of Highways', M_TRANSPORT, 'transport'),
  agency('A41', 'สป.ศธ.', 'สำนักงานปลัดกระทรวงศึกษาธิการ', 'Office of the Permanent Secretary, Ministry of Education', M_EDU, 'education'),
  agency('A42', 'สพฐ.', 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน', 'Office of the Basic Education Commission', M_EDU, 'education'),
  agency('A43', 'สป.อว.', 'สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม', 'Office of the Permanent Secretary, Ministry of Higher Education, Science, Research and Innovation', M_HIGHER_EDU, 'education'),
  agency('A44', 'กส.', 'กรมการกงสุล', 'Department of Consular Affairs', M_FOREIGN, 'interior'),
  agency('A45', 'คป.', 'กรมคุมประพฤติ', 'Department of Probation', M_JUSTICE, 'justice'),
  agency('A46', 'รท.', 'กรมราชทัณฑ์', 'Department of Corrections', M_JUSTICE, 'justice'),
  agency('A47', 'สกธ.', 'สำนักงานกิจการยุติธรรม', 'Office of Justice Affairs', M_JUSTICE, 'justice'),
  agency('A48', 'คพ.', 'กรมควบคุมมลพิษ', 'Pollution Control Department', M_ENV, 'environment'),
  agency('A49', 'อส.', 'กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช', 'Department of National Parks, Wildlife and Plant Conservation', M_ENV, 'environment'),
  agency('A50', 'สำนักงาน ก.พ.ร.', 'สำนักงานคณะกรรมการพัฒนาระบบราชการ', 'Office of the Public Sector Development Commission', M_PM, 'central'),
  agency('A51', 'สำนักงาน ก.พ.', 'สำนักงานคณะกรรมการข้าราชการพลเรือน', 'Office of the Civil Service Commission', M_PM, 'central'),
];

/** Agencies that take part in most cross-agency data links (DGA, DOPA, NSO, Comptroller General). */
const CORE_PARTNERS: readonly string[] = ['A01', 'A09', 'A03', 'A14'];

// ---------------------------------------------------------------------------------------------
// Projects (78), in list order. `size` sets the range the PRNG draws the request from.
// ---------------------------------------------------------------------------------------------

type Size = 'S' | 'M' | 'L' | 'XL';

/** Raw request ranges in baht, before the whole list is scaled to REQUEST_TO_FRAME_RATIO of the frame. */
const SIZE_RANGE: Readonly<Record<Size, readonly [number, number]>> = {
  S: [8_000_000, 35_000_000],
  M: [35_000_000, 95_000_000],
  L: [95_000_000, 220_000_000],
  XL: [260_000_000, 420_000_000],
};

interface ProjectRow {
  lead: string;
  approach: ApproachCode;
  type: IntegrationType;
  size: Size;
  nameTh: string;
  nameEn: string;
  summaryTh: string;
  summaryEn: string;
}

function project(
  lead: string, approach: ApproachCode, type: IntegrationType, size: Size,
  nameTh: string, nameEn: string, summaryTh: string, summaryEn: string,
): ProjectRow {
  return { lead, approach, type, size, nameTh, nameEn, summaryTh, summaryEn };
}

const PROJECTS: readonly ProjectRow[] = [
  // --- Approach 1.1: fundamentals (skills, standards, data governance) -------------------------
  project('A01', '1.1', 'budget', 'M',
    'โครงการพัฒนาทักษะดิจิทัลบุคลากรภาครัฐด้วยหลักสูตรกลาง (TDGA Academy)',
    'Digital skills for government officials through the central curriculum (TDGA Academy)',
    'พัฒนาระบบการเรียนรู้ออนไลน์และหลักสูตรกลางด้านดิจิทัลสำหรับข้าราชการและเจ้าหน้าที่ของรัฐทุกระดับ หน่วยงานของรัฐนำไปใช้พัฒนาบุคลากรได้โดยไม่มีค่าใช้จ่าย',
    'An online learning system and a central digital curriculum for civil servants and state officials at every level; government agencies use it to train their staff at no cost.'),
  project('A51', '1.1', 'system_data', 'S',
    'โครงการยกระดับสมรรถนะดิจิทัลข้าราชการพลเรือน',
    'Raising the digital competency of civil servants',
    'จัดทำกรอบสมรรถนะดิจิทัลและแบบประเมินออนไลน์ที่เชื่อมโยงกับฐานข้อมูลบุคลากรภาครัฐ ส่วนราชการใช้วางแผนพัฒนาบุคลากรของตน',
    'A digital competency framework and an online assessment linked to the government personnel database; departments use it to plan the development of their staff.'),
  project('A50', '1.1', 'system_data', 'S',
    'โครงการพัฒนาระบบติดตามและประเมินผลการพัฒนาสู่ระบบราชการ 4.0',
    'Monitoring and assessment system for the Thailand Public Sector 4.0 transition',
    'พัฒนาระบบประเมินสถานะการพัฒนาองค์การและการเปลี่ยนผ่านดิจิทัลแบบออนไลน์ ให้ส่วนราชการและจังหวัดรายงานผลและเปรียบเทียบกันได้',
    'An online system for assessing organisational development and the digital transition, so that departments and provinces report their results and compare them.'),
  project('A03', '1.1', 'system_data', 'M',
    'โครงการขับเคลื่อนธรรมาภิบาลข้อมูลภาครัฐและบัญชีข้อมูลระดับกรม',
    'Government data governance and department-level data catalogues',
    'ให้คำปรึกษาและเครื่องมือจัดทำบัญชีข้อมูลและคำอธิบายข้อมูลตามมาตรฐานกลาง เพื่อให้หน่วยงานระดับกรมเชื่อมโยงบัญชีข้อมูลเข้าสู่ระบบบัญชีข้อมูลภาครัฐ',
    'Advice and tools for building data catalogues and metadata to the central standard, so that department-level agencies link their catalogues to the government data catalogue.'),
  project('A03', '1.1', 'budget', 'M',
    'โครงการจัดทำระบบบัญชีข้อมูลภาครัฐแห่งชาติ (Government Data Catalog)',
    'National government data catalogue (Government Data Catalog)',
    'พัฒนาระบบบัญชีข้อมูลกลางที่รวบรวมชุดข้อมูลของหน่วยงานของรัฐทั้งหมด ให้หน่วยงานค้นหาและขอใช้ข้อมูลระหว่างกันได้โดยไม่มีค่าใช้จ่าย',
    "A central catalogue of the data sets of every government agency, where agencies find and request each other's data at no cost."),
  project('A05', '1.1', 'budget', 'S',
    'โครงการเสริมสร้างความพร้อมของหน่วยงานของรัฐในการปฏิบัติตามกฎหมายคุ้มครองข้อมูลส่วนบุคคล',
    'PDPA compliance readiness for government agencies',
    'จัดทำชุดเครื่องมือ แบบฟอร์มกลาง และหลักสูตรออนไลน์ด้านการคุ้มครองข้อมูลส่วนบุคคล ให้หน่วยงานของรัฐใช้ประเมินและปรับปรุงการปฏิบัติตามกฎหมายได้โดยไม่มีค่าใช้จ่าย',
    'A toolkit, central forms and online courses on personal data protection, which government agencies use to assess and improve their compliance at no cost.'),
  project('A04', '1.1', 'system_data', 'M',
    'โครงการพัฒนาบุคลากรด้านความมั่นคงปลอดภัยไซเบอร์ภาครัฐ',
    'Government cyber security workforce development',
    'ฝึกอบรมและสอบรับรองบุคลากรด้านความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานโครงสร้างพื้นฐานสำคัญทางสารสนเทศ พร้อมสนามฝึกซ้อมรับมือภัยคุกคามเสมือนจริง',
    'Training and certification for the cyber security staff of critical information infrastructure agencies, with a cyber range for realistic threat exercises.'),
  project('A06', '1.1', 'system_data', 'S',
    'โครงการจัดทำมาตรฐานธุรกรรมทางอิเล็กทรอนิกส์และการพิสูจน์และยืนยันตัวตนทางดิจิทัล',
    'Standards for electronic transactions and digital identity proofing and authentication',
    'จัดทำมาตรฐานและข้อเสนอแนะด้านธุรกรรมทางอิเล็กทรอนิกส์และการยืนยันตัวตนทางดิจิทัล เพื่อให้หน่วยงานของรัฐออกแบบบริการออนไลน์ที่ใช้ร่วมกันได้',
    'Standards and recommendations for electronic transactions and digital identity, so that government agencies design online services that work together.'),
  project('A02', '1.1', 'system_data', 'M',
    'โครงการส่งเสริมการเข้าถึงและใช้ประโยชน์เทคโนโลยีดิจิทัลของประชาชนผ่านศูนย์ดิจิทัลชุมชน',
    "Citizens' digital access and literacy through community digital centres",
    'ยกระดับศูนย์ดิจิทัลชุมชนทั่วประเทศให้เป็นจุดเรียนรู้และจุดช่วยเหลือการใช้บริการภาครัฐออนไลน์ สำหรับประชาชนในพื้นที่ห่างไกลและผู้สูงอายุ',
    'Community digital centres across the country become places to learn and get help with online government services, for people in remote areas and older persons.'),
  project('A07', '1.1', 'system_data', 'M',
    'โครงการพัฒนากำลังคนดิจิทัลเพื่อรองรับการเปลี่ยนผ่านดิจิทัลภาครัฐและท้องถิ่น',
    'Digital manpower for the digital transition of central and local government',
    'พัฒนาทักษะกำลังคนดิจิทัลด้านข้อมูล คลาวด์ และการพัฒนาซอฟต์แวร์ ให้บุคลากรของส่วนราชการและองค์กรปกครองส่วนท้องถิ่นดูแลระบบดิจิทัลของตนเองได้',
    'Data, cloud and software development skills for the staff of departments and local administrative organisations, so that they run their own digital systems.'),
  project('A41', '1.1', 'system_data', 'M',
    'โครงการพัฒนาทักษะดิจิทัลครูและบุคลากรทางการศึกษา',
    'Digital skills for teachers and education personnel',
    'จัดหลักสูตรอบรมออนไลน์ด้านการจัดการเรียนรู้ด้วยเทคโนโลยีดิจิทัลสำหรับครูและบุคลากรทางการศึกษา เชื่อมโยงผลการอบรมกับฐานข้อมูลบุคลากรทางการศึกษา',
    'Online courses on teaching with digital technology for teachers and education personnel, with the results linked to the education personnel database.'),
  project('A43', '1.1', 'system_data', 'M',
    'โครงการพัฒนาธรรมาภิบาลข้อมูลและฐานข้อมูลกลางด้านการอุดมศึกษา',
    'Data governance and a central database for higher education',
    'กำหนดมาตรฐานข้อมูลนักศึกษา บุคลากร และหลักสูตรของสถาบันอุดมศึกษา และรวบรวมเป็นฐานข้อมูลกลางให้หน่วยงานที่เกี่ยวข้องใช้วางแผนกำลังคน',
    'Data standards for the students, staff and programmes of higher education institutions, gathered into a central database that agencies use for workforce planning.'),
  project('A32', '1.1', 'system_data', 'S',
    'โครงการพัฒนาทักษะดิจิทัลแรงงานผ่านระบบการเรียนรู้ออนไลน์',
    'Digital skills for the workforce through online learning',
    'พัฒนาระบบฝึกอบรมออนไลน์และหลักสูตรทักษะดิจิทัลสำหรับแรงงานและผู้ว่างงาน พร้อมออกหนังสือรับรองที่ผู้ประกอบการตรวจสอบได้',
    'An online training system and digital skills courses for workers and the unemployed, with certificates that employers can verify.'),
  project('A19', '1.1', 'system_data', 'S',
    'โครงการพัฒนาธรรมาภิบาลข้อมูลและคลังข้อมูลเศรษฐกิจการคลัง',
    'Data governance and a fiscal-economic data warehouse',
    'จัดทำคลังข้อมูลเศรษฐกิจการคลังที่เชื่อมโยงข้อมูลรายได้และรายจ่ายภาครัฐจากหน่วยงานในสังกัดกระทรวงการคลัง เพื่อใช้วิเคราะห์และกำหนดนโยบายการคลัง',
    'A fiscal-economic data warehouse linking government revenue and expenditure data from the agencies of the Ministry of Finance, for fiscal analysis and policy.'),
  project('A33', '1.1', 'system_data', 'M',
    'โครงการพัฒนาธรรมาภิบาลข้อมูลและบัญชีข้อมูลภาคเกษตร',
    'Agricultural data governance and data catalogue',
    'จัดทำมาตรฐานและบัญชีข้อมูลภาคเกษตรร่วมกับกรมในสังกัด เพื่อให้ข้อมูลเกษตรกร แปลงเพาะปลูก และผลผลิตใช้ร่วมกันได้ทั้งกระทรวง',
    "Agricultural data standards and a data catalogue built with the ministry's departments, so that data on farmers, plots and yields is shared across the ministry."),
  project('A47', '1.1', 'system_data', 'S',
    'โครงการจัดทำมาตรฐานการแลกเปลี่ยนข้อมูลในกระบวนการยุติธรรม',
    'Data exchange standards for the justice process',
    'กำหนดมาตรฐานข้อมูลคดีและผู้ต้องหาที่ใช้แลกเปลี่ยนระหว่างตำรวจ อัยการ ศาล และราชทัณฑ์ เพื่อลดการส่งเอกสารกระดาษระหว่างหน่วยงาน',
    'Data standards for cases and suspects exchanged between the police, public prosecutors, the courts and corrections, to cut the paper sent between agencies.'),
  project('A23', '1.1', 'system_data', 'M',
    'โครงการจัดทำมาตรฐานข้อมูลสุขภาพและรหัสมาตรฐานทางการแพทย์',
    'Health data standards and medical coding',
    'จัดทำมาตรฐานข้อมูลสุขภาพและรหัสยา หัตถการ และผลตรวจทางห้องปฏิบัติการ ให้สถานพยาบาลทุกสังกัดแลกเปลี่ยนข้อมูลผู้ป่วยได้ถูกต้องตรงกัน',
    'Standards for health data and codes for medicines, procedures and laboratory results, so that health facilities of every affiliation exchange patient data accurately.'),
  project('A42', '1.1', 'system_data', 'M',
    'โครงการพัฒนาทักษะวิทยาการคำนวณและความฉลาดรู้ดิจิทัลของนักเรียน',
    'Computing science and digital literacy for students',
    'พัฒนาสื่อการเรียนรู้ออนไลน์และระบบประเมินทักษะวิทยาการคำนวณสำหรับนักเรียนในสังกัด ครูใช้ติดตามพัฒนาการของนักเรียนรายบุคคล',
    "Online learning materials and an assessment of computing skills for students; teachers use them to follow each student's progress."),

  // --- Approach 1.2: infrastructure for government services ------------------------------------
  project('A02', '1.2', 'budget', 'XL',
    'โครงการระบบคลาวด์กลางภาครัฐ (Government Data Center and Cloud Service: GDCC)',
    'Government central cloud (Government Data Center and Cloud Service: GDCC)',
    'ให้บริการโครงสร้างพื้นฐานคลาวด์กลางสำหรับติดตั้งระบบงานของหน่วยงานของรัฐ หน่วยงานใช้บริการได้โดยไม่ต้องจัดหาศูนย์ข้อมูลของตนเอง',
    "Central cloud infrastructure for government agencies' systems; agencies use it without building data centres of their own."),
  project('A04', '1.2', 'budget', 'L',
    'โครงการศูนย์ปฏิบัติการเฝ้าระวังภัยคุกคามไซเบอร์ภาครัฐ (Government SOC)',
    'Government security operations centre (Government SOC)',
    'จัดตั้งศูนย์เฝ้าระวังและรับมือภัยคุกคามไซเบอร์ตลอด 24 ชั่วโมง ให้หน่วยงานของรัฐเชื่อมต่อระบบเฝ้าระวังและรับการแจ้งเตือนได้โดยไม่มีค่าใช้จ่าย',
    'A round-the-clock centre that monitors and responds to cyber threats; government agencies connect their monitoring and receive alerts at no cost.'),
  project('A02', '1.2', 'budget', 'L',
    'โครงการพัฒนาโครงข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานภาครัฐ (Government Information Network)',
    'Government information network linking agencies (Government Information Network)',
    'ขยายและยกระดับโครงข่ายสื่อสารข้อมูลความเร็วสูงที่เชื่อมสำนักงานของหน่วยงานของรัฐทั่วประเทศ หน่วยงานเชื่อมต่อใช้งานร่วมกันโดยไม่มีค่าใช้จ่าย',
    'A wider, faster data network linking government offices across the country; agencies connect and share it at no cost.'),
  project('A14', '1.2', 'system_data', 'L',
    'โครงการยกระดับโครงสร้างพื้นฐานระบบบริหารการเงินการคลังภาครัฐแบบอิเล็กทรอนิกส์ (New GFMIS Thai)',
    'Infrastructure upgrade for the government fiscal management information system (New GFMIS Thai)',
    'ปรับปรุงเครื่องแม่ข่ายและระบบสำรองของระบบ GFMIS ที่ส่วนราชการทุกแห่งใช้เบิกจ่ายและบันทึกบัญชี ให้รองรับปริมาณธุรกรรมที่เพิ่มขึ้น',
    'New servers and backup for GFMIS, which every department uses to disburse and keep its accounts, to carry the growing volume of transactions.'),
  project('A15', '1.2', 'system_data', 'L',
    'โครงการปรับปรุงศูนย์คอมพิวเตอร์และศูนย์สำรองข้อมูลกรมสรรพากร (Disaster Recovery Site)',
    'Revenue Department computer centre and disaster recovery site',
    'ปรับปรุงศูนย์คอมพิวเตอร์หลักและจัดตั้งศูนย์สำรองข้อมูล เพื่อให้ระบบยื่นแบบและชำระภาษีออนไลน์ให้บริการผู้เสียภาษีได้ต่อเนื่อง',
    'An upgraded main computer centre and a backup site, so that online tax filing and payment serve taxpayers without interruption.'),
  project('A09', '1.2', 'system_data', 'XL',
    'โครงการปรับปรุงระบบคอมพิวเตอร์ศูนย์บริหารการทะเบียนและบัตรประจำตัวประชาชน',
    'Upgrade of the civil registration and national ID card computer centre',
    'ปรับปรุงระบบคอมพิวเตอร์ที่ให้บริการข้อมูลทะเบียนราษฎรและบัตรประจำตัวประชาชน ซึ่งหน่วยงานของรัฐหลายร้อยแห่งเชื่อมโยงใช้ตรวจสอบข้อมูลบุคคล',
    'An upgrade of the computer systems behind civil registration and the national ID card, which hundreds of government agencies use to check personal data.'),
  project('A08', '1.2', 'system_data', 'L',
    'โครงการพัฒนาระบบคอมพิวเตอร์สมรรถนะสูงเพื่อการพยากรณ์อากาศ',
    'High-performance computing for weather forecasting',
    'จัดหาระบบคอมพิวเตอร์สมรรถนะสูงสำหรับแบบจำลองพยากรณ์อากาศความละเอียดสูง และส่งผลพยากรณ์ให้หน่วยงานด้านน้ำและภัยพิบัติใช้ผ่านระบบเชื่อมโยงข้อมูล',
    'High-performance computing for high-resolution weather forecast models, with the forecasts passed to water and disaster agencies through data links.'),
  project('A37', '1.2', 'system_data', 'M',
    'โครงการพัฒนาระบบโทรมาตรและเครือข่ายตรวจวัดน้ำอัจฉริยะ',
    'Telemetry and smart water-monitoring network',
    'ติดตั้งสถานีโทรมาตรตรวจวัดระดับน้ำและปริมาณฝนในลุ่มน้ำหลัก ส่งข้อมูลแบบเวลาจริงเข้าคลังข้อมูลน้ำให้หน่วยงานบริหารจัดการน้ำใช้ร่วมกัน',
    'Telemetry stations measuring water levels and rainfall in the main river basins, sending real-time data to the water data warehouse that water agencies share.'),
  project('A13', '1.2', 'system_data', 'M',
    'โครงการพัฒนาระบบแจ้งเตือนภัยพิบัติผ่านโทรศัพท์เคลื่อนที่ (Cell Broadcast)',
    'Disaster warning through mobile phones (Cell Broadcast)',
    'พัฒนาระบบส่งข้อความแจ้งเตือนภัยพิบัติไปยังโทรศัพท์เคลื่อนที่ในพื้นที่เสี่ยง โดยรับข้อมูลจากหน่วยงานพยากรณ์และเฝ้าระวังภัย',
    'A system that sends disaster warnings to mobile phones in areas at risk, fed by the forecasting and monitoring agencies.'),
  project('A16', '1.2', 'system_data', 'L',
    'โครงการยกระดับโครงสร้างพื้นฐานระบบศุลกากรไร้เอกสารและความมั่นคงปลอดภัยไซเบอร์',
    'Infrastructure and cyber security for paperless customs',
    'ปรับปรุงเครื่องแม่ข่าย เครือข่าย และระบบป้องกันภัยไซเบอร์ของระบบพิธีการศุลกากรไร้เอกสาร ที่ผู้นำเข้าและผู้ส่งออกใช้ทุกวัน',
    'New servers, network and cyber defences for the paperless customs system that importers and exporters use every day.'),
  project('A46', '1.2', 'system_data', 'M',
    'โครงการพัฒนาโครงข่ายสื่อสารข้อมูลเรือนจำและทัณฑสถานทั่วประเทศ',
    'Data network for prisons and correctional institutions nationwide',
    'เชื่อมโยงเรือนจำและทัณฑสถานทั่วประเทศด้วยโครงข่ายที่ปลอดภัย เพื่อรองรับระบบทะเบียนผู้ต้องขังและการเยี่ยมญาติออนไลน์',
    'A secure network linking prisons and correctional institutions across the country, for the inmate registry and online family visits.'),
  project('A23', '1.2', 'system_data', 'L',
    'โครงการยกระดับความมั่นคงปลอดภัยไซเบอร์ของโรงพยาบาลสังกัดกระทรวงสาธารณสุข',
    'Cyber security for Ministry of Public Health hospitals',
    'ติดตั้งระบบป้องกันและเฝ้าระวังภัยคุกคามไซเบอร์ให้โรงพยาบาลศูนย์และโรงพยาบาลทั่วไป และเชื่อมโยงการแจ้งเตือนกับศูนย์ประสานงานด้านไซเบอร์ภาครัฐ',
    'Cyber defences and monitoring for regional and general hospitals, with alerts linked to the government cyber coordination centre.'),
  project('A11', '1.2', 'budget', 'M',
    'โครงการคลาวด์กลางสำหรับองค์กรปกครองส่วนท้องถิ่น (Local Government Cloud)',
    'Central cloud for local administrative organisations (Local Government Cloud)',
    'จัดเตรียมคลาวด์กลางสำหรับระบบงานขององค์กรปกครองส่วนท้องถิ่นทั่วประเทศ ให้ท้องถิ่นใช้บริการร่วมกันโดยไม่มีค่าใช้จ่าย',
    'A central cloud for the systems of local administrative organisations across the country, shared at no cost.'),
  project('A30', '1.2', 'system_data', 'L',
    'โครงการปรับปรุงศูนย์คอมพิวเตอร์และระบบสำรองข้อมูลสำนักงานประกันสังคม',
    'Social Security Office computer centre and backup system',
    'ปรับปรุงศูนย์คอมพิวเตอร์และระบบสำรองข้อมูลผู้ประกันตนกว่าสิบล้านราย เพื่อให้บริการจ่ายสิทธิประโยชน์และเชื่อมโยงข้อมูลกับโรงพยาบาลได้ต่อเนื่อง',
    'An upgraded computer centre and backup for the data of more than ten million insured persons, so that benefits are paid and data shared with hospitals without interruption.'),
  project('A40', '1.2', 'system_data', 'M',
    'โครงการพัฒนาเครือข่ายเซนเซอร์และศูนย์ข้อมูลจราจรทางหลวงอัจฉริยะ',
    'Sensor network and data centre for smart highway traffic',
    'ติดตั้งเซนเซอร์และกล้องตรวจวัดการจราจรบนทางหลวงสายหลัก ส่งข้อมูลเข้าศูนย์ข้อมูลจราจรที่เปิดให้หน่วยงานและประชาชนใช้ประโยชน์',
    'Sensors and cameras measuring traffic on the main highways, feeding a traffic data centre open to agencies and the public.'),
  project('A48', '1.2', 'system_data', 'M',
    'โครงการพัฒนาเครือข่ายสถานีตรวจวัดคุณภาพอากาศและศูนย์ข้อมูลฝุ่นละออง PM2.5',
    'Air-quality monitoring network and PM2.5 data centre',
    'ขยายสถานีตรวจวัดคุณภาพอากาศและพัฒนาศูนย์ข้อมูลฝุ่นละออง PM2.5 ที่ส่งข้อมูลให้จังหวัดและหน่วยงานสาธารณสุขใช้แจ้งเตือนประชาชน',
    'More air-quality stations and a PM2.5 data centre that supplies provinces and health agencies with the data to warn the public.'),

  // --- Approach 2.1: central platforms and tools -----------------------------------------------
  project('A01', '2.1', 'budget', 'L',
    'โครงการพัฒนาแพลตฟอร์มแลกเปลี่ยนข้อมูลกลางภาครัฐ (Government Data Exchange: GDX)',
    'Government data exchange platform (Government Data Exchange: GDX)',
    'ขยายแพลตฟอร์มกลางสำหรับแลกเปลี่ยนข้อมูลระหว่างหน่วยงานของรัฐ เพื่อให้ประชาชนไม่ต้องใช้สำเนาเอกสารราชการ หน่วยงานเชื่อมต่อได้โดยไม่มีค่าใช้จ่าย',
    'A wider central platform for exchanging data between government agencies, so that citizens no longer need copies of official documents; agencies connect at no cost.'),
  project('A09', '2.1', 'budget', 'M',
    'โครงการพัฒนาระบบพิสูจน์และยืนยันตัวตนทางดิจิทัลด้วยแอปพลิเคชัน D.DOPA',
    'Digital identity proofing and authentication with the D.DOPA application',
    'พัฒนาระบบยืนยันตัวตนทางดิจิทัลของประชาชนด้วยบัตรประจำตัวประชาชนและแอปพลิเคชัน D.DOPA ให้หน่วยงานของรัฐใช้ยืนยันตัวตนผู้ใช้บริการออนไลน์ได้โดยไม่มีค่าใช้จ่าย',
    'Digital identity proofing with the national ID card and the D.DOPA application, which government agencies use to verify the users of online services at no cost.'),
  project('A14', '2.1', 'budget', 'L',
    'โครงการพัฒนาระบบรับชำระเงินทางอิเล็กทรอนิกส์กลางภาครัฐ (e-Payment)',
    'Central government electronic payment system (e-Payment)',
    'พัฒนาระบบรับชำระค่าธรรมเนียมและค่าบริการภาครัฐผ่านพร้อมเพย์ คิวอาร์โค้ด และบัตร ให้ส่วนราชการเชื่อมต่อรับเงินเข้าบัญชีแผ่นดินได้โดยไม่มีค่าใช้จ่าย',
    'A system for paying government fees and charges by PromptPay, QR code and card; departments connect and receive money into the treasury account at no cost.'),
  project('A01', '2.1', 'budget', 'M',
    'โครงการระบบสารบรรณอิเล็กทรอนิกส์กลางภาครัฐ (e-Saraban)',
    'Central government electronic correspondence system (e-Saraban)',
    'พัฒนาระบบรับส่งหนังสือราชการอิเล็กทรอนิกส์พร้อมลายมือชื่อดิจิทัล ให้ส่วนราชการและจังหวัดใช้แทนหนังสือกระดาษโดยไม่มีค่าใช้จ่าย',
    'Electronic official correspondence with digital signatures, which departments and provinces use instead of paper letters at no cost.'),
  project('A01', '2.1', 'budget', 'M',
    'โครงการพัฒนาช่องทางเชื่อมโยงข้อมูลกลางผ่าน API (Government API Gateway)',
    'Central government API gateway (Government API Gateway)',
    'จัดทำช่องทางเชื่อมโยงระบบผ่าน API กลางพร้อมการควบคุมสิทธิ์และการบันทึกการใช้งาน ให้หน่วยงานเปิดบริการข้อมูลแก่กันอย่างปลอดภัยโดยไม่มีค่าใช้จ่าย',
    'A central API gateway with access control and usage logs, through which agencies open data services to each other securely at no cost.'),
  project('A06', '2.1', 'budget', 'M',
    'โครงการพัฒนาบริการลายมือชื่ออิเล็กทรอนิกส์และการประทับรับรองเวลากลางภาครัฐ',
    'Central government e-signature and timestamping service',
    'ให้บริการลงลายมือชื่ออิเล็กทรอนิกส์และประทับรับรองเวลาแก่ระบบของหน่วยงานของรัฐ เพื่อให้เอกสารอิเล็กทรอนิกส์มีผลทางกฎหมายโดยหน่วยงานไม่ต้องจัดหาเอง',
    'Electronic signature and timestamping services for government systems, giving electronic documents legal effect without each agency procuring its own.'),
  project('A12', '2.1', 'budget', 'M',
    'โครงการพัฒนาแพลตฟอร์มข้อมูลภูมิสารสนเทศกลางภาครัฐ (Government GIS Platform)',
    'Central government geospatial platform (Government GIS Platform)',
    'รวบรวมแผนที่ฐานและชั้นข้อมูลผังเมืองไว้บนแพลตฟอร์มภูมิสารสนเทศกลาง ให้หน่วยงานของรัฐเรียกใช้แผนที่และซ้อนทับข้อมูลของตนได้โดยไม่มีค่าใช้จ่าย',
    'Base maps and town-planning layers on a central geospatial platform, where government agencies use the maps and overlay their own data at no cost.'),
  project('A03', '2.1', 'budget', 'M',
    'โครงการพัฒนาแพลตฟอร์มบูรณาการข้อมูลสถิติทางการ',
    'Integrated official statistics platform',
    'พัฒนาแพลตฟอร์มกลางที่รวบรวมข้อมูลสถิติทางการจากทุกกระทรวงพร้อมเครื่องมือวิเคราะห์และแสดงผล ให้หน่วยงานและประชาชนใช้ได้โดยไม่มีค่าใช้จ่าย',
    'A central platform gathering official statistics from every ministry, with tools to analyse and present them, for agencies and the public at no cost.'),
  project('A50', '2.1', 'budget', 'S',
    'โครงการพัฒนาแพลตฟอร์มกลางสำรวจความพึงพอใจผู้รับบริการภาครัฐ',
    'Central platform for government service satisfaction surveys',
    'พัฒนาแบบสำรวจความพึงพอใจกลางที่ฝังในช่องทางบริการของหน่วยงานได้ทันที ส่วนราชการใช้ผลสำรวจปรับปรุงบริการโดยไม่มีค่าใช้จ่าย',
    'A central satisfaction survey that agencies embed in their service channels at once; departments use the results to improve their services at no cost.'),
  project('A51', '2.1', 'budget', 'M',
    'โครงการพัฒนาระบบสารสนเทศทรัพยากรบุคคลกลางภาครัฐ (HR Cloud)',
    'Central government human resources information system (HR Cloud)',
    'พัฒนาระบบบริหารทรัพยากรบุคคลบนคลาวด์ ครอบคลุมทะเบียนประวัติ การลา และการประเมินผล ให้ส่วนราชการใช้แทนระบบเดิมของตนโดยไม่มีค่าใช้จ่าย',
    'A cloud human resources system covering personnel records, leave and performance appraisal, which departments use instead of their own at no cost.'),
  project('A07', '2.1', 'budget', 'S',
    'โครงการบัญชีบริการดิจิทัลกลางสำหรับหน่วยงานภาครัฐ (Thailand Digital Catalog)',
    'Central catalogue of digital services for government agencies (Thailand Digital Catalog)',
    'จัดทำบัญชีผลิตภัณฑ์และบริการดิจิทัลที่ผ่านการรับรองมาตรฐาน ให้หน่วยงานของรัฐค้นหาและจัดหาบริการดิจิทัลได้สะดวกโดยไม่มีค่าใช้จ่าย',
    'A catalogue of certified digital products and services, where government agencies find and procure digital services easily at no cost.'),
  project('A05', '2.1', 'budget', 'S',
    'โครงการพัฒนาระบบกลางบริหารจัดการความยินยอมข้อมูลส่วนบุคคล (Consent Management Platform)',
    'Central personal-data consent management platform (Consent Management Platform)',
    'พัฒนาระบบกลางให้หน่วยงานของรัฐขอและบันทึกความยินยอมของเจ้าของข้อมูล และให้ประชาชนตรวจสอบหรือถอนความยินยอมได้ในที่เดียว',
    "A central system where government agencies request and record data subjects' consent, and where citizens check or withdraw their consent in one place."),
  project('A11', '2.1', 'budget', 'M',
    'โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์กลางขององค์กรปกครองส่วนท้องถิ่น (e-Service ท้องถิ่น)',
    'Central e-services for local administrative organisations (local e-Service)',
    'พัฒนาระบบยื่นคำขออนุญาตและชำระภาษีท้องถิ่นออนไลน์ที่องค์กรปกครองส่วนท้องถิ่นทุกแห่งเปิดใช้ได้ทันที โดยไม่ต้องพัฒนาระบบเองและไม่มีค่าใช้จ่าย',
    'Online permit applications and local tax payment that every local administrative organisation can switch on at once, without building a system and at no cost.'),
  project('A43', '2.1', 'budget', 'M',
    'โครงการพัฒนาแพลตฟอร์มธนาคารหน่วยกิตแห่งชาติ (National Credit Bank)',
    'National credit bank platform (National Credit Bank)',
    'พัฒนาแพลตฟอร์มกลางสะสมและเทียบโอนหน่วยกิตจากการเรียนในระบบและนอกระบบ ให้สถาบันการศึกษาและผู้เรียนใช้ร่วมกันโดยไม่มีค่าใช้จ่าย',
    'A central platform for accumulating and transferring credits from formal and non-formal learning, shared by institutions and learners at no cost.'),
  project('A02', '2.1', 'budget', 'M',
    'โครงการพัฒนาแพลตฟอร์มปัญญาประดิษฐ์กลางภาครัฐ (Government AI Platform)',
    'Central government artificial intelligence platform (Government AI Platform)',
    'จัดเตรียมแพลตฟอร์มและโมเดลปัญญาประดิษฐ์ภาษาไทยสำหรับงานภาครัฐ เช่น การสรุปเอกสารและการตอบคำถามประชาชน ให้หน่วยงานเรียกใช้ร่วมกันโดยไม่มีค่าใช้จ่าย',
    "An artificial intelligence platform and Thai-language models for government work, such as summarising documents and answering citizens' questions, shared by agencies at no cost."),
  project('A10', '2.1', 'system_data', 'M',
    'โครงการพัฒนาบริการข้อมูลรูปแปลงที่ดินผ่าน API กลาง (LandsMaps API)',
    'Land parcel data service through a central API (LandsMaps API)',
    'เปิดบริการข้อมูลรูปแปลงที่ดินและราคาประเมินผ่าน API ให้หน่วยงานของรัฐที่เกี่ยวข้องกับการเวนคืน ภาษี และผังเมืองเชื่อมโยงข้อมูลได้โดยตรง',
    'Land parcel and appraisal data through an API, for the government agencies concerned with expropriation, tax and town planning to link directly.'),
  project('A20', '2.1', 'system_data', 'M',
    'โครงการพัฒนาบริการตรวจสอบข้อมูลนิติบุคคลผ่าน API กลาง',
    'Juristic person data verification service through a central API',
    'เปิดบริการข้อมูลนิติบุคคลและงบการเงินผ่าน API ให้หน่วยงานของรัฐตรวจสอบสถานะผู้ประกอบการได้โดยไม่ต้องขอหนังสือรับรองจากผู้ยื่นคำขอ',
    "Juristic person and financial statement data through an API, so that government agencies check a business's status without asking applicants for certificates."),
  project('A47', '2.1', 'budget', 'M',
    'โครงการพัฒนาแพลตฟอร์มกลางเชื่อมโยงข้อมูลกระบวนการยุติธรรม (Justice Data Exchange)',
    'Central justice data exchange platform (Justice Data Exchange)',
    'พัฒนาแพลตฟอร์มกลางรับส่งสำนวนคดีและข้อมูลผู้ต้องหาระหว่างหน่วยงานในกระบวนการยุติธรรม หน่วยงานเชื่อมต่อใช้งานได้โดยไม่มีค่าใช้จ่าย',
    'A central platform for sending case files and suspect data between the agencies of the justice process; agencies connect at no cost.'),

  // --- Approach 3.1: end-to-end data and services -------------------------------------------
  project('A01', '3.1', 'budget', 'L',
    'โครงการพัฒนาบริการประชาชนแบบเบ็ดเสร็จผ่านแอปพลิเคชันทางรัฐ',
    'One-stop citizen services through the Tang Rat application',
    'รวมบริการภาครัฐที่ประชาชนใช้บ่อยไว้ในแอปพลิเคชันทางรัฐพร้อมการยืนยันตัวตนครั้งเดียว หน่วยงานนำบริการของตนขึ้นแอปพลิเคชันได้โดยไม่มีค่าใช้จ่าย',
    'The government services citizens use most in the Tang Rat application, with a single sign-on; agencies bring their services to the application at no cost.'),
  project('A01', '3.1', 'budget', 'M',
    'โครงการพัฒนาระบบอำนวยความสะดวกในการประกอบธุรกิจแบบครบวงจร (Biz Portal)',
    'One-stop business facilitation system (Biz Portal)',
    'เชื่อมโยงใบอนุญาตประกอบธุรกิจของหลายหน่วยงานไว้ในช่องทางเดียว ผู้ประกอบการยื่นคำขอครั้งเดียวและติดตามสถานะได้ทางออนไลน์',
    'Business licences from many agencies linked in one channel: a business applies once and follows its application online.'),
  project('A20', '3.1', 'system_data', 'M',
    'โครงการจดทะเบียนนิติบุคคลทางอิเล็กทรอนิกส์แบบเบ็ดเสร็จ (DBD e-Registration)',
    'End-to-end electronic business registration (DBD e-Registration)',
    'ให้ผู้ประกอบการจดทะเบียนบริษัทและห้างหุ้นส่วนทางออนไลน์ทั้งกระบวนการ พร้อมส่งข้อมูลไปขึ้นทะเบียนภาษีและประกันสังคมโดยอัตโนมัติ',
    'Companies and partnerships register online from start to finish, with the data passed on automatically to tax and social security registration.'),
  project('A15', '3.1', 'system_data', 'L',
    'โครงการพัฒนาระบบภาษีอิเล็กทรอนิกส์ครบวงจร (e-Tax Invoice และ e-Filing)',
    'End-to-end electronic tax system (e-Tax Invoice and e-Filing)',
    'พัฒนาระบบใบกำกับภาษีอิเล็กทรอนิกส์และการยื่นแบบภาษีออนไลน์ที่ดึงข้อมูลจากหน่วยงานอื่นมาเติมให้อัตโนมัติ ผู้เสียภาษีไม่ต้องแนบเอกสาร',
    'Electronic tax invoices and online tax returns prefilled with data from other agencies, so that taxpayers attach no documents.'),
  project('A10', '3.1', 'system_data', 'L',
    'โครงการพัฒนาบริการที่ดินดิจิทัลและโฉนดที่ดินอิเล็กทรอนิกส์',
    'Digital land services and electronic title deeds',
    'พัฒนาระบบจดทะเบียนสิทธิและนิติกรรมที่ดินแบบดิจิทัลและโฉนดที่ดินอิเล็กทรอนิกส์ ประชาชนนัดหมายและตรวจสอบข้อมูลที่ดินได้ทางออนไลน์',
    'Digital registration of land rights and transactions, and electronic title deeds; citizens book appointments and check land data online.'),
  project('A23', '3.1', 'system_data', 'L',
    'โครงการพัฒนาระบบแลกเปลี่ยนข้อมูลสุขภาพส่วนบุคคล (Personal Health Record)',
    'Personal health record exchange (Personal Health Record)',
    'เชื่อมโยงประวัติการรักษาของผู้ป่วยระหว่างโรงพยาบาลทุกสังกัด ให้แพทย์ดูข้อมูลได้เมื่อได้รับความยินยอม และประชาชนดูประวัติสุขภาพของตนผ่านแอปพลิเคชัน',
    "Patients' treatment records linked between hospitals of every affiliation: doctors see them with the patient's consent, and citizens see their own health record in an application."),
  project('A24', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบเฝ้าระวังโรคติดต่อแบบดิจิทัล',
    'Digital communicable disease surveillance',
    'พัฒนาระบบรายงานและติดตามโรคติดต่อที่รับข้อมูลจากสถานพยาบาลและห้องปฏิบัติการแบบเวลาจริง ให้ทีมสอบสวนโรคระดับจังหวัดใช้ตัดสินใจได้รวดเร็ว',
    'Reporting and tracking of communicable diseases with real-time data from health facilities and laboratories, so that provincial investigation teams decide quickly.'),
  project('A25', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบอนุญาตผลิตภัณฑ์สุขภาพแบบเบ็ดเสร็จ (e-Submission)',
    'End-to-end health product licensing (e-Submission)',
    'ให้ผู้ประกอบการยื่นคำขออนุญาตผลิตภัณฑ์อาหาร ยา และเครื่องสำอางทางออนไลน์ทั้งกระบวนการ โดยตรวจสอบข้อมูลนิติบุคคลและสถานที่ผลิตจากหน่วยงานอื่นอัตโนมัติ',
    'Businesses apply for food, drug and cosmetic licences online from start to finish, with juristic person and premises data checked automatically with other agencies.'),
  project('A26', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบการแพทย์ทางไกลเชื่อมโยงโรงพยาบาลเฉพาะทาง (Telemedicine)',
    'Telemedicine linking specialist hospitals (Telemedicine)',
    'พัฒนาระบบปรึกษาแพทย์เฉพาะทางทางไกลระหว่างโรงพยาบาลชุมชนกับโรงพยาบาลเฉพาะทาง ลดการส่งต่อผู้ป่วยและการเดินทางของประชาชน',
    "Remote consultation with specialists between community hospitals and specialist hospitals, reducing patient referrals and citizens' travel."),
  project('A27', '3.1', 'system_data', 'L',
    'โครงการพัฒนาระบบฐานข้อมูลสวัสดิการสังคมแบบบูรณาการ',
    'Integrated social welfare database',
    'รวมข้อมูลผู้รับสวัสดิการจากหลายหน่วยงานไว้ในฐานข้อมูลเดียว เพื่อให้ความช่วยเหลือตรงกลุ่มเป้าหมาย และให้เจ้าหน้าที่ในพื้นที่ใช้คัดกรองครัวเรือนเปราะบาง',
    "Welfare recipients' data from many agencies in one database, so that help reaches its target groups and local officials screen vulnerable households."),
  project('A28', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบบริการสวัสดิการผู้สูงอายุแบบดิจิทัล',
    'Digital welfare services for older persons',
    'ให้ผู้สูงอายุและผู้ดูแลลงทะเบียนและตรวจสอบสิทธิเบี้ยยังชีพและสวัสดิการทางออนไลน์ โดยเชื่อมโยงข้อมูลทะเบียนราษฎรและข้อมูลท้องถิ่น',
    'Older persons and their carers register for and check their old-age allowance and welfare online, linked to civil registration and local data.'),
  project('A29', '3.1', 'system_data', 'S',
    'โครงการพัฒนาบัตรประจำตัวคนพิการดิจิทัลและระบบตรวจสอบสิทธิสวัสดิการ',
    'Digital disability ID card and welfare entitlement checks',
    'พัฒนาบัตรประจำตัวคนพิการในรูปแบบดิจิทัล ให้โรงพยาบาลและหน่วยบริการตรวจสอบสิทธิได้ทันทีโดยไม่ต้องใช้สำเนาบัตร',
    'A digital disability ID card, so that hospitals and service units check entitlements at once without copies of the card.'),
  project('A30', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบบริการประกันสังคมออนไลน์แบบครบวงจร (e-Self Service)',
    'End-to-end online social security services (e-Self Service)',
    'ให้ผู้ประกันตนและนายจ้างยื่นเรื่อง ตรวจสอบสิทธิ และรับเงินทดแทนทางออนไลน์ โดยเชื่อมข้อมูลกับโรงพยาบาลและระบบรับจ่ายเงินภาครัฐ',
    'Insured persons and employers file claims, check entitlements and receive benefits online, linked to hospitals and the government payment system.'),
  project('A31', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบจับคู่ตำแหน่งงานและบริการจัดหางานแบบดิจิทัล (Smart Job Center)',
    'Digital job matching and employment services (Smart Job Center)',
    'พัฒนาระบบจับคู่ผู้หางานกับตำแหน่งงานว่างด้วยข้อมูลทักษะและประวัติการฝึกอบรม ให้ผู้หางาน นายจ้าง และสำนักงานจัดหางานจังหวัดใช้ร่วมกัน',
    'Job seekers matched to vacancies by their skills and training records, a system shared by job seekers, employers and provincial employment offices.'),
  project('A34', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบทะเบียนเกษตรกรดิจิทัล (Farmbook)',
    'Digital farmer registry (Farmbook)',
    'ให้เกษตรกรขึ้นทะเบียนและปรับปรุงข้อมูลแปลงเพาะปลูกผ่านแอปพลิเคชัน และส่งข้อมูลให้หน่วยงานที่จ่ายเงินช่วยเหลือและประกันรายได้ตรวจสอบสิทธิ',
    'Farmers register and update their plot data through an application, and the data goes to the agencies that pay support and income guarantees to check entitlements.'),
  project('A35', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบอนุญาตเคลื่อนย้ายสัตว์และซากสัตว์อิเล็กทรอนิกส์ (e-Movement)',
    'Electronic permits for moving animals and carcasses (e-Movement)',
    'ให้ผู้เลี้ยงและผู้ค้าสัตว์ยื่นขออนุญาตเคลื่อนย้ายสัตว์ทางออนไลน์ และให้ด่านกักกันสัตว์ตรวจสอบใบอนุญาตอิเล็กทรอนิกส์ได้ทันที',
    'Livestock keepers and traders apply online to move animals, and animal quarantine stations check the electronic permits at once.'),
  project('A36', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบตรวจสอบย้อนกลับสินค้าประมงอิเล็กทรอนิกส์',
    'Electronic traceability for fishery products',
    'บันทึกข้อมูลการจับ การขนถ่าย และการแปรรูปสัตว์น้ำแบบอิเล็กทรอนิกส์ เพื่อออกใบรับรองการส่งออกและให้ประเทศคู่ค้าตรวจสอบย้อนกลับได้',
    'Catch, transhipment and processing of fishery products recorded electronically, to issue export certificates and let trading partners trace them back.'),
  project('A38', '3.1', 'system_data', 'M',
    'โครงการพัฒนาใบอนุญาตขับรถดิจิทัลและบริการงานทะเบียนรถออนไลน์',
    'Digital driving licences and online vehicle registration services',
    'พัฒนาใบอนุญาตขับรถในรูปแบบดิจิทัลและบริการต่ออายุ ชำระภาษีรถ และโอนทะเบียนทางออนไลน์ โดยเชื่อมโยงข้อมูลประกันภัยและข้อมูลบุคคล',
    'Digital driving licences and online renewal, vehicle tax payment and transfer of registration, linked to insurance and personal data.'),
  project('A39', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบบริการเรือและการขนส่งทางน้ำแบบเบ็ดเสร็จ (Marine Single Window)',
    'One-stop vessel and water transport services (Marine Single Window)',
    'รวมบริการจดทะเบียนเรือ ใบอนุญาตผู้ควบคุมเรือ และการแจ้งเรือเข้าออกไว้ในช่องทางเดียว เชื่อมโยงกับระบบศุลกากรและการท่าเรือ',
    'Vessel registration, boat-master licences and arrival and departure notices in one channel, linked to the customs and port systems.'),
  project('A21', '3.1', 'system_data', 'M',
    'โครงการพัฒนาระบบออกหนังสือรับรองถิ่นกำเนิดสินค้าอิเล็กทรอนิกส์ผ่าน National Single Window',
    'Electronic certificates of origin through the National Single Window',
    'ให้ผู้ส่งออกยื่นขอหนังสือรับรองถิ่นกำเนิดสินค้าทางอิเล็กทรอนิกส์ และส่งหนังสือรับรองให้ศุลกากรของประเทศคู่ค้าผ่านระบบ National Single Window',
    'Exporters apply for certificates of origin electronically, and the certificates go to the customs of trading partners through the National Single Window.'),
  project('A22', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบยื่นคำขอและจดทะเบียนทรัพย์สินทางปัญญาอิเล็กทรอนิกส์ (e-Filing)',
    'Electronic filing and registration of intellectual property (e-Filing)',
    'ให้ผู้ขอยื่นคำขอจดทะเบียนเครื่องหมายการค้า สิทธิบัตร และลิขสิทธิ์ทางออนไลน์ ชำระค่าธรรมเนียมผ่านระบบรับชำระเงินกลาง และติดตามผลได้ตลอดกระบวนการ',
    'Applicants file trademark, patent and copyright registrations online, pay fees through the central payment system and follow their application throughout.'),
  project('A17', '3.1', 'system_data', 'M',
    'โครงการพัฒนาแสตมป์สรรพสามิตดิจิทัลและบริการภาษีสรรพสามิตออนไลน์',
    'Digital excise stamps and online excise tax services',
    'พัฒนาแสตมป์สรรพสามิตแบบดิจิทัลที่ตรวจสอบได้ด้วยโทรศัพท์เคลื่อนที่ และบริการยื่นแบบชำระภาษีสรรพสามิตออนไลน์ที่เชื่อมโยงกับระบบศุลกากร',
    'Digital excise stamps that can be checked with a mobile phone, and online excise tax filing and payment linked to the customs system.'),
  project('A18', '3.1', 'system_data', 'S',
    'โครงการพัฒนาบริการราคาประเมินทรัพย์สินออนไลน์',
    'Online property valuation services',
    'ให้ประชาชนและหน่วยงานของรัฐตรวจสอบราคาประเมินที่ดินและสิ่งปลูกสร้างทางออนไลน์ โดยเชื่อมโยงข้อมูลรูปแปลงที่ดินและข้อมูลภาษีท้องถิ่น',
    'Citizens and government agencies check the appraised value of land and buildings online, linked to land parcel and local tax data.'),
  project('A44', '3.1', 'system_data', 'M',
    'โครงการพัฒนาบริการหนังสือเดินทางและนิติกรณ์เอกสารออนไลน์ (e-Consular)',
    'Online passport and document legalisation services (e-Consular)',
    'ให้ประชาชนนัดหมายทำหนังสือเดินทางและยื่นขอรับรองเอกสารทางออนไลน์ โดยตรวจสอบข้อมูลทะเบียนราษฎรและเอกสารราชการจากหน่วยงานต้นทางโดยตรง',
    'Citizens book passport appointments and apply for document legalisation online, with civil registration and official documents checked directly with the issuing agencies.'),
  project('A45', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบรายงานตัวออนไลน์และติดตามผู้ถูกคุมความประพฤติ',
    'Online reporting and monitoring of persons on probation',
    'ให้ผู้ถูกคุมความประพฤติรายงานตัวผ่านแอปพลิเคชันพร้อมการยืนยันตัวตนทางดิจิทัล และให้พนักงานคุมประพฤติติดตามกรณีได้จากระบบเดียว',
    'Persons on probation report through an application with digital identity proofing, and probation officers follow their cases in one system.'),
  project('A49', '3.1', 'system_data', 'S',
    'โครงการพัฒนาระบบจองและจำหน่ายบัตรเข้าอุทยานแห่งชาติแบบดิจิทัล',
    'Digital booking and ticketing for national parks',
    'ให้นักท่องเที่ยวจองที่พักและซื้อบัตรเข้าอุทยานแห่งชาติทางออนไลน์ ชำระเงินผ่านระบบรับชำระเงินกลาง และใช้คิวอาร์โค้ดเข้าพื้นที่',
    'Visitors book accommodation and buy national park entry tickets online, pay through the central payment system and enter with a QR code.'),
];

// ---------------------------------------------------------------------------------------------
// Seeded PRNG and generation
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Fisher–Yates on a copy. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Requested amounts: draw a raw figure per project from its size range, scale the whole list so it
 * totals REQUEST_TO_FRAME_RATIO of the frame, round to whole hundreds of baht (the 4th decimal of the
 * million-baht display) and force that last hundreds digit to 1..9 so no figure is round.
 */
function requestedAmounts(rng: Rng, rows: readonly ProjectRow[]): bigint[] {
  const raw = rows.map((row) => {
    const [min, max] = SIZE_RANGE[row.size];
    return min + rng() * (max - min);
  });
  const rawTotal = raw.reduce((sum, x) => sum + x, 0);
  const scale = (Number(FRAME_BAHT) * REQUEST_TO_FRAME_RATIO) / rawTotal;
  return raw.map((x) => {
    const scaled = Math.min(Math.max(x * scale, MIN_REQUEST_BAHT), MAX_REQUEST_BAHT - 1_000);
    const hundreds = Math.floor(scaled / 1_000) * 10 + randomInt(rng, 1, 9);
    return BigInt(hundreds) * 100n;
  });
}

/**
 * Partners. Budget integration (a central system others use free of charge): 2..4 user agencies from
 * the whole list, the first never requesting budget. System/data integration: about two projects in
 * three link with 1..3 agencies of the same sector or the core data holders.
 */
function partnersFor(rng: Rng, row: ProjectRow, leadSector: Sector): SampleProject['partners'] {
  if (row.type === 'budget') {
    const pool = AGENCIES.filter((a) => a.code !== row.lead).map((a) => a.code);
    const picked = shuffled(rng, pool).slice(0, randomInt(rng, 2, 4));
    return picked.map((agencyCode, i) => ({ agencyCode, requestsBudget: i > 0 && rng() < 0.3 }));
  }
  if (rng() >= 0.65) return [];
  const pool = AGENCIES
    .filter((a) => a.code !== row.lead && (a.sector === leadSector || CORE_PARTNERS.includes(a.code)))
    .map((a) => a.code);
  const picked = shuffled(rng, pool).slice(0, randomInt(rng, 1, 3));
  return picked.map((agencyCode) => ({ agencyCode, requestsBudget: rng() < 0.45 }));
}

function projectCode(index: number): string {
  return `DG67-${String(index + 1).padStart(3, '0')}`;
}

function sectorOf(agencyCode: string): Sector {
  const row = AGENCIES.find((a) => a.code === agencyCode);
  if (!row) throw new Error(`sample plan: unknown agency ${agencyCode}`);
  return row.sector;
}

function toAgency({ code, nameTh, nameEn, abbreviationTh, ministryTh }: AgencyRow): SampleAgency {
  return { code, nameTh, nameEn, abbreviationTh, ministryTh };
}

/** The deterministic sample plan; every call returns the same plan as fresh objects. */
export function samplePlan(): SamplePlan {
  const rng = mulberry32(SEED);
  const amounts = requestedAmounts(rng, PROJECTS);
  const projects = PROJECTS.map((row, i): SampleProject => ({
    code: projectCode(i),
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    summaryTh: row.summaryTh,
    summaryEn: row.summaryEn,
    agencyCode: row.lead,
    approachCode: row.approach,
    integrationType: row.type,
    requestedBaht: amounts[i]!,
    partners: partnersFor(rng, row, sectorOf(row.lead)),
  }));
  return {
    fiscalYearBE: 2567,
    titleTh: TITLE_TH,
    titleEn: TITLE_EN,
    frameBaht: FRAME_BAHT,
    goals: dgaValueChain(),
    agencies: AGENCIES.map(toAgency),
    projects,
  };
}
