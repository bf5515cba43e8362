import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { giveTextBlocksTheirText } from '../../web/lib/minutes/text-blocks.ts';

const isTextBlock = (name: string) => name === 'paragraph' || name === 'heading';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('every text block holds its Y.XmlText', () => {
  it('gives an empty paragraph made in a transaction its text in that transaction, at any depth, and leaves the rest', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    let given = 0;
    doc.transact((transaction) => {
      const written = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'มีข้อความ');
      written.insert(0, [text]);
      const section = new Y.XmlElement('boardSection');
      section.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlElement('heading')]);
      fragment.insert(0, [written, new Y.XmlElement('paragraph'), section, new Y.XmlElement('horizontalRule')]);
      given = giveTextBlocksTheirText(transaction.changed.keys(), isTextBlock);
    });
    expect(given).toBe(3);
    expect(updates).toHaveLength(1);
    const [written, empty, section, rule] = fragment.toArray() as Y.XmlElement[];
    expect(written!.toArray()).toHaveLength(1);
    expect((written!.get(0) as Y.XmlText).toString()).toBe('มีข้อความ');
    expect(empty!.get(0)).toBeInstanceOf(Y.XmlText);
    for (const block of (section!.toArray() as Y.XmlElement[])) expect(block.get(0)).toBeInstanceOf(Y.XmlText);
    // Not a text block: nothing goes in.
    expect(rule!.length).toBe(0);
  });

  it('gives a paragraph emptied of all it held a new text', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(), new Y.XmlElement('hardBreak')]);
    doc.transact((transaction) => {
      paragraph.delete(0, 2);
      expect(giveTextBlocksTheirText(transaction.changed.keys(), isTextBlock)).toBe(1);
    });
    expect(paragraph.toArray().map((child) => child.constructor)).toEqual([Y.XmlText]);
  });

  it('two editors typing into a paragraph another made merge their characters exactly, once each', () => {
    const [maker, other] = [new Y.Doc(), new Y.Doc()];
    maker.transact((transaction) => {
      maker.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
      giveTextBlocksTheirText(transaction.changed.keys(), isTextBlock);
    });
    sync(maker, other);
    // Concurrent: neither has seen the other's character.
    for (const [doc, character] of [[maker, 'a'], [other, 'x']] as const) {
      ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, character);
    }
    sync(maker, other);
    for (const doc of [maker, other]) {
      const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
      expect(paragraph.length).toBe(1);
      expect([...paragraph.get(0).toString()].sort().join('')).toBe('ax');
    }
  });
});
