import { withDOM } from '@lexical/headless/dom';
import { $generateDOMFromNodes } from '@lexical/html';
import { $isListItemNode, $isListNode, ListItemNode } from '@lexical/list';
import { isHTMLElement, type DOMExportOutput, type DOMExportOutputMap, type LexicalEditor, type LexicalNode } from 'lexical';
import { openNote } from './note-editor';

/**
 * Notes as HTML, written by Lexical's own exporter (`@lexical/html`) in the DOM Lexical provides
 * for headless use (`withDOM`, happy-dom). Two adjustments, both through Lexical's own hooks:
 *
 * - a check-list item exports as an ARIA checkbox role on a plain <li> (what the live editor
 *   draws with CSS): outside the editor, a done item looks like an open one. The `html.export`
 *   override of ListItemNode puts a real, disabled checkbox in front of its text.
 * - text exports with `style="white-space: pre-wrap"` on every span. The coachee's copy allows no
 *   inline style (its Content-Security-Policy), so that one declaration moves to the stylesheet.
 */

/** A list item holding only a nested list is Lexical's wrapper for indentation, not an item of its own. */
function isIndentWrapper(item: ListItemNode): boolean {
  return item.getChildrenSize() === 1 && $isListNode(item.getFirstChild());
}

function exportListItem(editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const item = node as ListItemNode;
  // ListItemNode's own export (the map entry replaces it, so call the class's method directly).
  const output = ListItemNode.prototype.exportDOM.call(item, editor);
  const list = item.getParent();
  const element = output.element;
  if (!$isListItemNode(item) || !$isListNode(list) || list.getListType() !== 'check' || isIndentWrapper(item) || !isHTMLElement(element)) return output;
  for (const attribute of ['role', 'tabindex', 'aria-checked']) element.removeAttribute(attribute);
  const box = element.ownerDocument.createElement('input');
  box.setAttribute('type', 'checkbox');
  box.setAttribute('disabled', '');
  if (item.getChecked() === true) box.setAttribute('checked', '');
  element.prepend(box, element.ownerDocument.createTextNode(' '));
  return output;
}

const NOTE_HTML_EXPORT: DOMExportOutputMap = new Map([[ListItemNode, exportListItem]]);

/** What is used here of a DOM element (the core is type-checked without the DOM's types). */
interface StyledElements {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; removeAttribute(name: string): void }>;
}

/** Drops the inline style Lexical puts on text, when it says no more than the stylesheet does. */
function withoutPreWrapStyles(container: StyledElements): void {
  for (const element of container.querySelectorAll('[style]')) {
    if (element.getAttribute('style')?.replace(/\s+/g, '') === 'white-space:pre-wrap;') element.removeAttribute('style');
  }
}

/** The note's body as an HTML fragment, or null when Lexical cannot read its editor state. */
export function noteToHtml(lexicalJson: string): string | null {
  const editor = openNote(lexicalJson, { export: NOTE_HTML_EXPORT });
  if (!editor) return null;
  return withDOM((window) =>
    editor.read(() => {
      const container = $generateDOMFromNodes(window.document.createElement('div'), null, editor);
      withoutPreWrapStyles(container);
      return container.innerHTML;
    }),
  );
}
