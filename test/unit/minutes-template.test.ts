import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MINUTES_FRAGMENT,
  SECTION_NODE,
  applySections,
  minutesSections,
  minutesTemplateUpdate,
  type MinutesTemplateData,
} from '../../server/yjs/minutes-template.ts';
import type { SeatedPerson } from '../../server/domain/attendance.ts';

function seat(p: Partial<SeatedPerson> & Pick<SeatedPerson, 'id' | 'displayName' | 'role'>): SeatedPerson {
  return { organisationTh: '', kind: 'member', attendance: null, absenceReason: null, rosterMemberId: null, substituteForId: null, recordOnly: false, ...p };
}

const data: MinutesTemplateData = {
  titleTh: 'ประชุมคณะกรรมการจัดทำงบประมาณ',
  number: 1,
  yearBE: 2566,
  startsAt: new Date('2023-01-26T10:00:00+07:00'),
  openedAt: new Date('2023-01-26T10:12:00+07:00'),
  closedAt: null,
  venueTh: 'ห้องประชุมวิจิตรวาทการ',
  agendaItems: [
    { id: 'a1', kind: 'announcement', number: '1', titleTh: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' },
    { id: 'a2', kind: 'consideration', number: '2', titleTh: 'เรื่องเพื่อพิจารณา' },
  ],
  roster: [
    { id: 'm1', nameTh: 'นายประธาน', position: 'chair', agencyTh: 'สพร.', order: 1 },
    { id: 'm2', nameTh: 'นางกรรมการ', position: 'member', agencyTh: 'สพร.', order: 2 },
    { id: 'm3', nameTh: 'นายขาด', position: 'member', agencyTh: 'กรมบัญชีกลาง', order: 3 },
    { id: 'm4', nameTh: 'นางสาวเลขา', position: 'member_secretary', agencyTh: 'สพร.', order: 4 },
  ],
  seated: [
    seat({ id: 'p1', displayName: 'นายประธาน', role: 'chair', rosterMemberId: 'm1' }),
    seat({ id: 'p2', displayName: 'นางกรรมการ', role: 'member', attendance: 'present', rosterMemberId: 'm2' }),
    seat({ id: 'p3', displayName: 'นายขาด', role: 'member', attendance: 'absent', absenceReason: 'ติดราชการ', rosterMemberId: 'm3' }),
    seat({ id: 'p4', displayName: 'นางสาวเลขา', role: 'secretary', attendance: 'online', rosterMemberId: 'm4' }),
    seat({ id: 'p5', displayName: 'นายนำเสนอ', organisationTh: 'สพร.', role: 'presenter', kind: 'attendee' }),
    seat({ id: 'p6', displayName: 'จอห้องประชุม', role: 'observer', kind: 'device' }),
  ],
  decisions: { frameBaht: 100_000_000, agenda: [], projects: [] },
};

function render(update: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) lines.push(node.toDelta().map((d: { insert: string }) => d.insert).join(''));
    else if (node instanceof Y.XmlElement) {
      if (['heading', 'paragraph'].includes(node.nodeName) && node.length === 0) lines.push('');
      for (const child of node.toArray()) walk(child);
    }
  };
  for (const child of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) walk(child);
  return lines;
}

describe('the minutes skeleton', () => {
  it('writes the official structure in order, in StarterKit node types', () => {
    const update = minutesTemplateUpdate(data);
    const lines = render(update);
    expect(lines.slice(0, 4)).toEqual([
      'รายงานการประชุมคณะกรรมการจัดทำงบประมาณ',
      'ครั้งที่ 1/2566',
      'เมื่อวันพฤหัสบดีที่ 26 มกราคม 2566',
      'ณ ห้องประชุมวิจิตรวาทการ',
    ]);
    // The time it was opened, not the time it was called for.
    expect(lines).toContain('เริ่มประชุมเวลา 10.12 น.');
    const at = (text: string) => lines.indexOf(text);
    expect(at('ผู้มาประชุม')).toBeLessThan(at('ผู้ไม่มาประชุม'));
    expect(at('ผู้ไม่มาประชุม')).toBeLessThan(at('ผู้เข้าร่วมประชุม'));
    expect(lines.slice(at('ผู้มาประชุม') + 1, at('ผู้ไม่มาประชุม'))).toEqual([
      'นายประธาน  สพร.  ประธานกรรมการ',
      'นางกรรมการ  สพร.  กรรมการ',
      'นางสาวเลขา  สพร.  กรรมการและเลขานุการ',
    ]);
    expect(lines.slice(at('ผู้ไม่มาประชุม') + 1, at('ผู้เข้าร่วมประชุม'))).toEqual(['นายขาด  กรมบัญชีกลาง  กรรมการ  ติดราชการ']);
    // The room's screen is no one.
    expect(lines.slice(at('ผู้เข้าร่วมประชุม') + 1, at('เริ่มประชุมเวลา 10.12 น.'))).toEqual([
      'นายนำเสนอ  สพร.',
      'องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 3 คน จากทั้งหมด 4 คน)',
    ]);
    expect(lines.filter((l) => l === 'มติที่ประชุม ')).toHaveLength(2);
    expect(at('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')).toBeLessThan(at('ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา'));
    expect(lines.at(-3)).toBe('เลิกประชุมเวลา ........ น.');
    expect(lines.at(-2)).toBe('ผู้จดรายงานการประชุม นางสาวเลขา  กรรมการและเลขานุการ');
    expect(lines.at(-1)).toBe('ผู้ตรวจรายงานการประชุม นางสาวเลขา  กรรมการและเลขานุการ');
    expect(lines.filter((l) => l.startsWith('รายงานการประชุม'))).toHaveLength(1);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const names = doc.getXmlFragment(MINUTES_FRAGMENT).toArray().map((n) => (n as Y.XmlElement).nodeName);
    expect(new Set(names)).toEqual(new Set(['heading', 'paragraph', SECTION_NODE]));
    const heading = doc.getXmlFragment(MINUTES_FRAGMENT).get(0) as Y.XmlElement;
    expect(heading.getAttribute('level')).toBe(1);
  });

  it('gives every text block its Y.XmlText, also the empty paragraphs people type into', () => {
    // Two editors typing into a paragraph without one would each create a Y.XmlText, and the binding's merge of the
    // two duplicates a character (test/browser/minutes-concurrent-typing.test.ts).
    const doc = new Y.Doc();
    Y.applyUpdate(doc, minutesTemplateUpdate(data));
    const textBlocks: Y.XmlElement[] = [];
    const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
      if (!(node instanceof Y.XmlElement)) return;
      if (node.nodeName === 'paragraph' || node.nodeName === 'heading') textBlocks.push(node);
      else for (const child of node.toArray()) walk(child);
    };
    for (const child of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) walk(child);
    expect(textBlocks.filter((block) => block.length === 1 && block.get(0) instanceof Y.XmlText)).toHaveLength(textBlocks.length);
    expect(textBlocks.some((block) => (block.get(0) as Y.XmlText).length === 0)).toBe(true);
  });
});

/** The text of every block of the document, in order, tables' cells joined by ' | '. */
function lines(doc: Y.Doc): string[] {
  const out: string[] = [];
  const text = (node: Y.XmlElement): string =>
    node
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<\/?[a-z]+>/g, '') : child instanceof Y.XmlElement ? text(child) : ''))
      .join('');
  const walk = (node: Y.XmlElement) => {
    if (node.nodeName === 'tableRow') out.push(node.toArray().map((cell) => text(cell as Y.XmlElement)).join(' | '));
    else if (node.nodeName === 'paragraph' || node.nodeName === 'heading') out.push(text(node));
    else for (const child of node.toArray()) if (child instanceof Y.XmlElement) walk(child);
  };
  for (const child of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) walk(child as Y.XmlElement);
  return out;
}

function sectionOf(doc: Y.Doc, key: string): Y.XmlElement {
  const found = doc
    .getXmlFragment(MINUTES_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === SECTION_NODE && node.getAttribute('key') === key);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("the board's sections of the minutes", () => {
  const decided: MinutesTemplateData = {
    ...data,
    decisions: {
      frameBaht: 100_000_000,
      agenda: [{ resolutionId: 'r1', agendaItemId: 'a1', outcome: 'noted', textTh: '' }],
      projects: [
        {
          resolutionId: 'r2',
          projectCode: 'P02',
          projectNameTh: 'โครงการข้อมูลกลาง',
          agencyTh: 'สำนักงานสถิติแห่งชาติ',
          requestedBaht: 30_000_000,
          ceilingBaht: 25_000_000,
          outcome: 'approved_adjusted',
          textTh: 'ให้ใช้ระบบคลาวด์กลางภาครัฐ',
        },
      ],
    },
  };

  it('writes decisions under their agenda items, in one section each', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, minutesTemplateUpdate(decided));
    const all = lines(doc);
    const item1 = all.indexOf('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ');
    const item2 = all.indexOf('ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา');
    expect(all.indexOf('มติที่ประชุม ที่ประชุมรับทราบ')).toBeGreaterThan(item1);
    expect(all.indexOf('มติที่ประชุม ที่ประชุมรับทราบ')).toBeLessThan(item2);
    expect(all.slice(item2)).toContain('P02 โครงการข้อมูลกลาง | สำนักงานสถิติแห่งชาติ | 30.0000 | 25.0000 | เห็นชอบโดยปรับวงเงิน | ให้ใช้ระบบคลาวด์กลางภาครัฐ');
    expect(sectionOf(doc, 'decision:a1').getAttribute('revision')).toEqual(expect.any(String));
  });

  it('rewrites only a section whose decision changed, and never what the secretary wrote around it', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, minutesTemplateUpdate(data));
    const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
    // The secretary writes the discussion of item 1 into the paragraph after its heading, and rewords item 2's blank line.
    const discussion = fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('key') === 'decision:a1') - 1;
    ((fragment.get(discussion) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ประธานแจ้งเรื่องการประชุมครั้งก่อน');
    ((sectionOf(doc, 'decision:a2').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(13, 'รอผล');

    expect(applySections(doc, minutesSections(decided))).toEqual(['decision:a1', 'decision:a2']);
    expect(lines(doc)).toContain('ประธานแจ้งเรื่องการประชุมครั้งก่อน');
    expect(lines(doc)).toContain('มติที่ประชุม ที่ประชุมรับทราบ');
    expect(lines(doc).filter((line) => line.startsWith('มติที่ประชุม'))).toHaveLength(2);

    // Nothing changed: nothing is written, and the secretary's wording of the decision stays.
    const wording = (sectionOf(doc, 'decision:a1').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    wording.insert(wording.length, ' (ตามเอกสาร)');
    let updates = 0;
    doc.on('update', () => updates++);
    expect(applySections(doc, minutesSections(decided))).toEqual([]);
    expect(updates).toBe(0);
    expect(lines(doc)).toContain('มติที่ประชุม ที่ประชุมรับทราบ (ตามเอกสาร)');

    // Reopened and confirmed again with another ceiling: the same section, the new figures, once.
    const again = structuredClone(decided);
    again.decisions.projects[0] = { ...again.decisions.projects[0]!, resolutionId: 'r3', ceilingBaht: 20_000_000 };
    expect(applySections(doc, minutesSections(again))).toEqual(['decision:a2']);
    const rows = lines(doc).filter((line) => line.startsWith('P02'));
    expect(rows).toEqual(['P02 โครงการข้อมูลกลาง | สำนักงานสถิติแห่งชาติ | 30.0000 | 20.0000 | เห็นชอบโดยปรับวงเงิน | ให้ใช้ระบบคลาวด์กลางภาครัฐ']);
  });

  it('leaves a section the secretary deleted deleted', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, minutesTemplateUpdate(data));
    const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
    const at = fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('key') === 'decision:a1');
    fragment.delete(at, 1);
    expect(applySections(doc, minutesSections(decided))).toEqual(['decision:a2']);
    expect(lines(doc)).not.toContain('มติที่ประชุม ที่ประชุมรับทราบ');
  });
});
