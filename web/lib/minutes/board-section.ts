// The editor's node for a part of the minutes the board keeps up to date (a decision, the attendance): ordinary
// editable blocks inside, with the key and revision the server finds it by (server/domain/minutes-structure.ts).
// Both attributes must survive editing: y-prosemirror drops any attribute the node type does not declare.
import { Node } from '@tiptap/core';

export const BoardSection = Node.create({
  name: 'boardSection',
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes() {
    return {
      key: { default: null, parseHTML: (element) => element.getAttribute('data-key'), renderHTML: (attrs) => ({ 'data-key': attrs.key }) },
      revision: { default: null, rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-key]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', { ...HTMLAttributes, class: 'board-section' }, 0];
  },
});
