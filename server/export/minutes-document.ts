// The minutes as a printable page, from their Yjs document: ProseMirror content (Tiptap StarterKit) in the
// Y.XmlFragment named 'default'. Walked generically, so a node this renderer does not know still prints its text.
import * as Y from 'yjs';
import { escapeHtml, printableHtml } from './printable-html.ts';
import { formatThaiDate } from '../domain/thai-dates.ts';
import type { AdoptionNote, MinutesPrinter } from '../db/minutes-adoption-repository.ts';
import type { PdfPrinter } from '../pdf/print-pdf.ts';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
  // A part the board keeps up to date (minutes-structure.ts) prints as what it holds.
  boardSection: 'section',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};
const MARKS: [string, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['strike', 's'],
  ['code', 'code'],
];

function textHtml(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map(({ insert, attributes = {} }) => {
      if (typeof insert !== 'string') return '';
      let html = escapeHtml(insert).replaceAll('\n', '<br>');
      for (const [mark, tag] of MARKS) if (attributes[mark] !== undefined) html = `<${tag}>${html}</${tag}>`;
      return html;
    })
    .join('');
}

function nodeHtml(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return textHtml(node);
  if (!(node instanceof Y.XmlElement)) return '';
  const children = node.toArray().map((child) => nodeHtml(child as Y.XmlElement | Y.XmlText)).join('');
  if (node.nodeName === 'hardBreak') return '<br>';
  if (node.nodeName === 'horizontalRule') return '<hr>';
  if (node.nodeName === 'heading') {
    const level = Math.min(Math.max(Number(node.getAttribute('level')) || 2, 1), 6);
    return `<h${level}>${children}</h${level}>`;
  }
  const tag = BLOCKS[node.nodeName] ?? 'div';
  return `<${tag}>${children}</${tag}>`;
}

export function minutesBodyHtml(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => nodeHtml(node as Y.XmlElement | Y.XmlText))
    .join('\n');
}

/** The minutes as printed: the document is the whole record, its own heading included (minutes-template.ts). */
export function minutesHtml(doc: Y.Doc): string {
  return printableHtml('รายงานการประชุม', minutesBodyHtml(doc));
}

/** The minutes' Yjs document as stored (every accepted update is stored before anyone sees it). */
export async function loadMinutesDoc(load: () => Promise<Uint8Array[]>): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await load()) Y.applyUpdate(doc, update);
  return doc;
}

/** How the adopted minutes state their adoption beneath the text: when, where or how, and the amendments made. */
export function adoptionHtml(note: AdoptionNote): string {
  const when = formatThaiDate(note.adoptedAt);
  const how =
    note.how === 'next-meeting' && note.adoptedAtMeeting
      ? `ที่ประชุมรับรองรายงานการประชุมนี้ในการประชุมครั้งที่ ${note.adoptedAtMeeting.number}/${note.adoptedAtMeeting.yearBE} เมื่อวันที่ ${when}`
      : `รับรองรายงานการประชุมนี้โดยการเวียนรับรอง เมื่อวันที่ ${when}`;
  const amendments = note.amendments.length
    ? `<p>โดยมีการแก้ไขดังนี้</p><ol>${note.amendments.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ol>`
    : '<p>โดยไม่มีการแก้ไข</p>';
  return `<section class="adoption"><h2>การรับรองรายงานการประชุม</h2><p>${escapeHtml(how)}</p>${amendments}</section>`;
}

/** Prints adopted minutes for their locked record: the canonical text (the body as printed) and the PDF. */
export function createMinutesPrinter(deps: { load(meetingId: string): Promise<Uint8Array[]>; pdf: PdfPrinter }): MinutesPrinter {
  return {
    async print(meetingId, note) {
      const doc = await loadMinutesDoc(() => deps.load(meetingId));
      try {
        const html = minutesBodyHtml(doc);
        return { html, pdf: await deps.pdf.print(printableHtml('รายงานการประชุม', `${html}\n${adoptionHtml(note)}`)) };
      } finally {
        doc.destroy();
      }
    },
  };
}
