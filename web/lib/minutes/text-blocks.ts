// Every text block of the minutes holds its Y.XmlText from the moment it exists, also while it is empty.
//
// Why: the editor's binding (y-prosemirror, as @tiptap/y-tiptap) writes a new empty paragraph (Enter) as a
// Y.XmlElement with no children, and creates its Y.XmlText only when the first character is typed. Two editors typing
// into that paragraph at once therefore each create a Y.XmlText of their own in it. The binding then folds one sibling
// into the other, in two separate transactions and while the other editor writes the sibling's text into its own
// Y.XmlText too: one character ends up twice. With the Y.XmlText written together with the paragraph, both type into
// one Y.Text, whose concurrent inserts merge exactly. The server's skeleton and the board's sections are written the
// same way (server/yjs/minutes-template.ts); this covers the blocks the editor makes.
import * as Y from 'yjs';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Gives every empty text block in or under `types` an empty Y.XmlText. Called inside the transaction that changed
 * them, so that no other replica ever sees the block without it. Returns how many blocks were given one.
 */
export function giveTextBlocksTheirText(types: Iterable<unknown>, isTextBlock: (nodeName: string) => boolean): number {
  let given = 0;
  const seen = new Set<Y.XmlFragment>();
  const visit = (parent: Y.XmlFragment) => {
    if (seen.has(parent)) return;
    seen.add(parent);
    if (parent instanceof Y.XmlElement && isTextBlock(parent.nodeName)) {
      if (parent.length === 0) {
        parent.insert(0, [new Y.XmlText()]);
        given++;
      }
      return;
    }
    for (const child of parent.toArray()) if (child instanceof Y.XmlElement) visit(child);
  };
  for (const type of types) if (type instanceof Y.XmlFragment && !type._item?.deleted) visit(type);
  return given;
}

/** The binding's one write from the editor into Yjs, as the binding declares it. */
interface EditorToYjs {
  _prosemirrorChanged(doc: PmNode): void;
}

/**
 * Makes the editor's binding give each text block it writes its Y.XmlText, in the same Yjs transaction as the edit
 * (one update on the wire and in the offline copy, undone together). `binding` is the sync plugin's
 * (ySyncPluginKey.getState(state).binding).
 */
export function keepTextInEveryBlock(binding: EditorToYjs, doc: Y.Doc, schema: Schema): void {
  const write = binding._prosemirrorChanged.bind(binding);
  const isTextBlock = (name: string) => schema.nodes[name]?.isTextblock ?? false;
  binding._prosemirrorChanged = (pmDoc) => {
    // The binding calls this inside its own transaction: nested, this is that same transaction.
    doc.transact((transaction) => {
      write(pmDoc);
      giveTextBlocksTheirText(transaction.changed.keys(), isTextBlock);
    }, ySyncPluginKey);
  };
}
