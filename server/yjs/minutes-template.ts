/**
 * The official skeleton of a meeting's minutes (รายงานการประชุม), written as the Yjs update the editor starts from.
 *
 * The content goes into the Y.XmlFragment named 'default', in the layout y-prosemirror (Tiptap's Collaboration
 * extension) reads: one Y.XmlElement per block named after its ProseMirror node type, node attributes as element
 * attributes, and text in Y.XmlText whose formatting attributes are the marks (`{ bold: {} }`). Only node and
 * mark types of Tiptap's StarterKit and its table are used, with one node of the board's own: `boardSection`, a
 * part the board keeps up to date (server/domain/minutes-structure.ts), which the editor shows as ordinary editable
 * blocks. Pure: the caller loads the meeting.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { attendanceRoll, type RosterPerson, type SeatedPerson } from '../domain/attendance.ts';
import { ATTENDANCE_SECTION, CLOSED_SECTION, OPENED_SECTION, SIGNATORIES_SECTION, meetingRecordSections } from '../domain/minutes-attendance.ts';
import { formatThaiDateWithWeekday } from '../domain/thai-dates.ts';
import { decisionSectionKey, decisionSections, type Block, type DecisionsData, type MinutesNode, type MinutesSection } from '../domain/minutes-structure.ts';

export const MINUTES_FRAGMENT = 'default';

export interface MinutesTemplateData {
  titleTh: string;
  number: number;
  yearBE: number;
  startsAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  venueTh: string;
  agendaItems: { id: string; kind: string; number: string; titleTh: string }[];
  roster: RosterPerson[];
  seated: SeatedPerson[];
  decisions: Omit<DecisionsData, 'agendaItems'>;
}

/** The element a board-kept section is stored as: the web editor's `boardSection` node (its key and revision). */
export const SECTION_NODE = 'boardSection';

/** The sections the board keeps up to date, as they should read now. */
export function minutesSections(data: MinutesTemplateData): MinutesSection[] {
  const record = meetingRecordSections({ roll: attendanceRoll(data.roster, data.seated), openedAt: data.openedAt, closedAt: data.closedAt, roster: data.roster });
  return [...record, ...decisionSections({ agendaItems: data.agendaItems, ...data.decisions })];
}

export function minutesBlocks(data: MinutesTemplateData): MinutesNode[] {
  const sections = new Map(minutesSections(data).map((section) => [section.key, section]));
  const section = (key: string): MinutesNode => ({ type: 'section', ...sections.get(key)! });
  return [
    // Titles are often "ประชุมคณะกรรมการ…"; the heading reads "รายงานการประชุมคณะกรรมการ…", not "…ประชุมประชุม…".
    { type: 'heading', level: 1, text: [`รายงานการประชุม${data.titleTh.replace(/^(การ)?ประชุม/, '')}`] },
    { type: 'paragraph', text: [{ bold: 'ครั้งที่ ' }, `${data.number}/${data.yearBE}`] },
    { type: 'paragraph', text: [{ bold: 'เมื่อ' }, formatThaiDateWithWeekday(data.startsAt)] },
    { type: 'paragraph', text: [{ bold: 'ณ ' }, data.venueTh] },
    section(ATTENDANCE_SECTION),
    section(OPENED_SECTION),
    ...data.agendaItems.flatMap((item): MinutesNode[] => [
      { type: 'heading', level: 2, text: [`ระเบียบวาระที่ ${item.number} ${item.titleTh}`] },
      { type: 'paragraph', text: [] },
      section(decisionSectionKey(item.id)),
    ]),
    section(CLOSED_SECTION),
    section(SIGNATORIES_SECTION),
  ];
}

/** The skeleton as one update, to be stored before anyone opens the document. */
export function minutesTemplateUpdate(data: MinutesTemplateData): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  doc.transact(() => fragment.insert(0, minutesBlocks(data).map(nodeXml)));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Which content a section was last written from: it is rewritten only when that changes, so edits stay otherwise. */
export function sectionRevision(section: MinutesSection): string {
  return createHash('sha256').update(JSON.stringify(section.blocks)).digest('base64url').slice(0, 16);
}

/**
 * Brings the board's sections of a minutes document up to date in one transaction: a section whose content changed
 * since it was written gets the new blocks in place of its old ones; one that did not is left as the secretary edited
 * it; everything outside sections is never touched. A section the secretary deleted stays deleted. Returns the keys
 * rewritten. The caller makes sure no other writer rewrites the same document at the same time (see minutes-sync.ts):
 * two rewrites of one section, merged, would hold both new contents.
 */
export function applySections(doc: Y.Doc, sections: readonly MinutesSection[]): string[] {
  const stored = new Map<string, Y.XmlElement>();
  for (const node of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === SECTION_NODE) {
      const key = node.getAttribute('key');
      if (typeof key === 'string' && !stored.has(key)) stored.set(key, node);
    }
  }
  const rewritten: string[] = [];
  doc.transact(() => {
    for (const section of sections) {
      const element = stored.get(section.key);
      const revision = sectionRevision(section);
      if (!element || element.getAttribute('revision') === revision) continue;
      element.delete(0, element.length);
      element.insert(0, section.blocks.map(toXml));
      element.setAttribute('revision', revision);
      rewritten.push(section.key);
    }
  });
  return rewritten;
}

function nodeXml(node: MinutesNode): Y.XmlElement {
  if (node.type !== 'section') return toXml(node);
  const element = new Y.XmlElement(SECTION_NODE);
  element.setAttribute('key', node.key);
  element.setAttribute('revision', sectionRevision(node));
  element.insert(0, node.blocks.map(toXml));
  return element;
}

function cellXml(kind: 'tableHeader' | 'tableCell', text: string): Y.XmlElement {
  const cell = new Y.XmlElement(kind);
  cell.insert(0, [toXml({ type: 'paragraph', text: [text] })]);
  return cell;
}

function toXml(block: Block): Y.XmlElement {
  if (block.type === 'table') {
    const table = new Y.XmlElement('table');
    const row = (kind: 'tableHeader' | 'tableCell', cells: string[]) => {
      const element = new Y.XmlElement('tableRow');
      element.insert(0, cells.map((text) => cellXml(kind, text)));
      return element;
    };
    table.insert(0, [row('tableHeader', block.header), ...block.rows.map((cells) => row('tableCell', cells))]);
    return table;
  }
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
