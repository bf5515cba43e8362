/**
 * The official skeleton of a meeting's minutes (รายงานการประชุม), written as the Yjs update the editor starts from.
 *
 * The content goes into the Y.XmlFragment named 'default', in the layout y-prosemirror (Tiptap's Collaboration
 * extension) reads: one Y.XmlElement per block named after its ProseMirror node type, node attributes as element
 * attributes, and text in Y.XmlText whose formatting attributes are the marks (`{ bold: {} }`). Only node and
 * mark types of Tiptap's StarterKit are used, so the editor and the PDF printer read it with that schema alone.
 * Pure: the caller loads the meeting.
 */
import * as Y from 'yjs';
import { formatThaiDateWithWeekday, formatThaiTime } from '../domain/thai-dates.ts';
import type { Role } from '../shared/roles.ts';

export const MINUTES_FRAGMENT = 'default';

export interface MinutesParticipant {
  displayName: string;
  organisationTh: string;
  role: Role;
  /** null when nobody recorded it: a participant joined the board, so they count as present. */
  attendance: 'present' | 'online' | 'absent' | null;
}

export interface MinutesTemplateData {
  titleTh: string;
  number: number;
  yearBE: number;
  startsAt: Date;
  venueTh: string;
  agendaItems: { number: string; titleTh: string }[];
  participants: MinutesParticipant[];
}

/** Roles that sit on the committee; the others attend (ผู้เข้าร่วมประชุม). */
const COMMITTEE_ROLES: ReadonlySet<Role> = new Set(['chair', 'member', 'secretary']);
const ROLE_TITLE_TH: Record<Role, string> = {
  chair: 'ประธานกรรมการ',
  member: 'กรรมการ',
  secretary: 'กรรมการและเลขานุการ',
  presenter: 'ผู้นำเสนอ',
  observer: 'ผู้สังเกตการณ์',
};
const NONE = '- ไม่มี -';
const TIME_BLANK = '........ น.';

type Inline = string | { bold: string };
type Block = { type: 'heading'; level: 1 | 2 | 3; text: Inline[] } | { type: 'paragraph'; text: Inline[] } | { type: 'orderedList'; items: string[] };

export function minutesBlocks(data: MinutesTemplateData): Block[] {
  const collator = new Intl.Collator('th');
  const byName = (a: MinutesParticipant, b: MinutesParticipant) => collator.compare(a.displayName, b.displayName);
  const line = (p: MinutesParticipant) =>
    [p.displayName, p.organisationTh, ROLE_TITLE_TH[p.role]].filter((part) => part !== '').join('  ');
  const attending = data.participants.filter((p) => p.attendance !== 'absent').sort(byName);
  const committee = attending.filter((p) => COMMITTEE_ROLES.has(p.role)).map(line);
  const absent = data.participants.filter((p) => p.attendance === 'absent').sort(byName).map(line);
  const guests = attending.filter((p) => !COMMITTEE_ROLES.has(p.role)).map(line);
  const secretaries = attending.filter((p) => p.role === 'secretary').map((p) => p.displayName);
  const list = (names: string[]): Block => (names.length > 0 ? { type: 'orderedList', items: names } : { type: 'paragraph', text: [NONE] });

  return [
    // Titles are often "ประชุมคณะกรรมการ…"; the heading reads "รายงานการประชุมคณะกรรมการ…", not "…ประชุมประชุม…".
    { type: 'heading', level: 1, text: [`รายงานการประชุม${data.titleTh.replace(/^(การ)?ประชุม/, '')}`] },
    { type: 'paragraph', text: [{ bold: 'ครั้งที่ ' }, `${data.number}/${data.yearBE}`] },
    { type: 'paragraph', text: [{ bold: 'เมื่อ' }, formatThaiDateWithWeekday(data.startsAt)] },
    { type: 'paragraph', text: [{ bold: 'ณ ' }, data.venueTh] },
    { type: 'heading', level: 2, text: ['ผู้มาประชุม'] },
    list(committee),
    { type: 'heading', level: 2, text: ['ผู้ไม่มาประชุม'] },
    list(absent),
    { type: 'heading', level: 2, text: ['ผู้เข้าร่วมประชุม'] },
    list(guests),
    { type: 'paragraph', text: [{ bold: 'เริ่มประชุมเวลา ' }, formatThaiTime(data.startsAt)] },
    ...data.agendaItems.flatMap((item): Block[] => [
      { type: 'heading', level: 2, text: [`ระเบียบวาระที่ ${item.number} ${item.titleTh}`] },
      { type: 'paragraph', text: [] },
      { type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' '] },
    ]),
    { type: 'paragraph', text: [{ bold: 'เลิกประชุมเวลา ' }, TIME_BLANK] },
    { type: 'paragraph', text: [{ bold: 'ผู้จดรายงานการประชุม ' }, secretaries.join(', ')] },
  ];
}

/** The skeleton as one update, to be stored before anyone opens the document. */
export function minutesTemplateUpdate(data: MinutesTemplateData): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  doc.transact(() => fragment.insert(0, minutesBlocks(data).map(toXml)));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function toXml(block: Block): Y.XmlElement {
  if (block.type === 'orderedList') {
    const list = new Y.XmlElement('orderedList');
    list.setAttribute('start', 1 as unknown as string);
    list.insert(
      0,
      block.items.map((item) => {
        const listItem = new Y.XmlElement('listItem');
        listItem.insert(0, [toXml({ type: 'paragraph', text: [item] })]);
        return listItem;
      }),
    );
    return list;
  }
  const element = new Y.XmlElement(block.type);
  // y-prosemirror keeps attribute values as they are typed in ProseMirror: the heading level is a number.
  if (block.type === 'heading') element.setAttribute('level', block.level as unknown as string);
  // Every text block gets its Y.XmlText, also an empty one. Without it, two editors typing into the empty paragraph at
  // once each create a Y.XmlText of their own inside it; the binding (y-prosemirror) then folds one sibling into the
  // other in two separate transactions, and an edit made between them is applied twice: a duplicated character.
  // With the text already there, both type into one Y.Text, whose concurrent inserts merge exactly. The binding keeps
  // a paragraph's Y.XmlText when it is emptied, so this holds for the life of the document.
  const text = new Y.XmlText();
  // One delta: the text is not in a document yet, so positional inserts would not see each other's length.
  text.applyDelta(block.text.map((part) => (typeof part === 'string' ? { insert: part } : { insert: part.bold, attributes: { bold: {} } })));
  element.insert(0, [text]);
  return element;
}
