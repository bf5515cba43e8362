import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_FRAGMENT, minutesTemplateUpdate, type MinutesTemplateData } from '../../server/yjs/minutes-template.ts';

const data: MinutesTemplateData = {
  titleTh: 'ประชุมคณะกรรมการจัดทำงบประมาณ',
  number: 1,
  yearBE: 2566,
  startsAt: new Date('2023-01-26T10:00:00+07:00'),
  venueTh: 'ห้องประชุมวิจิตรวาทการ',
  agendaItems: [
    { number: '1', titleTh: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' },
    { number: '2', titleTh: 'เรื่องเพื่อพิจารณา' },
  ],
  participants: [
    { displayName: 'นายประธาน', organisationTh: '', role: 'chair', attendance: null },
    { displayName: 'นางกรรมการ', organisationTh: 'สพร.', role: 'member', attendance: 'present' },
    { displayName: 'นายขาด', organisationTh: '', role: 'member', attendance: 'absent' },
    { displayName: 'นางสาวเลขา', organisationTh: '', role: 'secretary', attendance: 'online' },
    { displayName: 'นายนำเสนอ', organisationTh: 'สพร.', role: 'presenter', attendance: null },
  ],
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
    expect(lines).toContain('เริ่มประชุมเวลา 10.00 น.');
    const at = (text: string) => lines.indexOf(text);
    expect(at('ผู้มาประชุม')).toBeLessThan(at('ผู้ไม่มาประชุม'));
    expect(at('ผู้ไม่มาประชุม')).toBeLessThan(at('ผู้เข้าร่วมประชุม'));
    expect(lines.slice(at('ผู้มาประชุม') + 1, at('ผู้ไม่มาประชุม'))).toEqual([
      'นางกรรมการ  สพร.  กรรมการ',
      'นางสาวเลขา  กรรมการและเลขานุการ',
      'นายประธาน  ประธานกรรมการ',
    ]);
    expect(lines.slice(at('ผู้ไม่มาประชุม') + 1, at('ผู้เข้าร่วมประชุม'))).toEqual(['นายขาด  กรรมการ']);
    expect(lines[at('ผู้เข้าร่วมประชุม') + 1]).toBe('นายนำเสนอ  สพร.  ผู้นำเสนอ');
    expect(lines.filter((l) => l === 'มติที่ประชุม ')).toHaveLength(2);
    expect(at('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')).toBeLessThan(at('ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา'));
    expect(lines.at(-2)).toBe('เลิกประชุมเวลา ........ น.');
    expect(lines.at(-1)).toBe('ผู้จดรายงานการประชุม นางสาวเลขา');

    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const names = doc.getXmlFragment(MINUTES_FRAGMENT).toArray().map((n) => (n as Y.XmlElement).nodeName);
    expect(new Set(names)).toEqual(new Set(['heading', 'paragraph', 'orderedList']));
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
