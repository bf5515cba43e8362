// The minutes as a printable page, from their Yjs document: ProseMirror content (Tiptap StarterKit) in the
// Y.XmlFragment named 'default'. Walked generically, so a node this renderer does not know still prints its text.
import * as Y from 'yjs';
import { escapeHtml, printableHtml } from './printable-html.ts';

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
