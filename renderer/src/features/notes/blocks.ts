/**
 * Editor-state helpers for the notes (all `$` functions: call them inside editor.update/read).
 */
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $isListItemNode, $isListNode, ListNode } from '@lexical/list';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';

export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number' | 'check' | 'quote' | 'other';

export interface FormatState {
  block: BlockKind;
  bold: boolean;
  italic: boolean;
}

export const EMPTY_FORMAT: FormatState = { block: 'paragraph', bold: false, italic: false };

/** The block the toolbar describes: the one holding the caret (the anchor). */
export function $readFormat(): FormatState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_FORMAT;
  const anchorNode = selection.anchor.getNode();
  const topLevel =
    anchorNode.getKey() === 'root'
      ? null
      : ($findMatchingParent(anchorNode, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchorNode.getTopLevelElement());

  let block: BlockKind = 'paragraph';
  if ($isListNode(topLevel)) {
    const list = $getNearestNodeOfType(anchorNode, ListNode) ?? topLevel;
    const type = list.getListType();
    block = type === 'bullet' ? 'bullet' : type === 'number' ? 'number' : 'check';
  } else if ($isHeadingNode(topLevel)) {
    const tag = topLevel.getTag();
    block = tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'h3';
  } else if ($isQuoteNode(topLevel)) {
    block = 'quote';
  } else if (topLevel !== null && !$isParagraphNode(topLevel)) {
    block = 'other';
  }
  return { block, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic') };
}

/** A block that holds inline content directly (paragraph, heading, quote, list item). */
function $isTextBlock(node: LexicalNode): node is ElementNode {
  if (!$isElementNode(node) || $isRootOrShadowRoot(node) || node.isInline()) return false;
  const first = node.getFirstChild();
  return first === null || $isTextNode(first) || $isLineBreakNode(first) || first.isInline();
}

/**
 * Turn every block the selection touches into the element `create` makes, keeping its
 * text (a small version of @lexical/selection's $setBlocksType: ListItemNode.replace splits
 * the list around a converted item, and replace() remaps the selection).
 */
export function $setBlocks(create: () => ElementNode): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const blocks = new Map<string, ElementNode>();
  const add = (node: LexicalNode | null) => {
    const block = node === null ? null : $isTextBlock(node) ? node : $findMatchingParent(node, $isTextBlock);
    if (block !== null && $isElementNode(block)) blocks.set(block.getKey(), block);
  };
  add(selection.anchor.getNode());
  add(selection.focus.getNode());
  for (const node of selection.getNodes()) if ($isTextBlock(node)) add(node);
  for (const block of blocks.values()) {
    const next = create();
    if (block.getIndent() !== next.getIndent() && !$isListItemNode(block)) next.setIndent(block.getIndent());
    block.replace(next, true);
  }
}

/** Heading button: text → H1 → H2 → H3 → text. */
export function nextHeading(block: BlockKind): HeadingTagType | null {
  if (block === 'h1') return 'h2';
  if (block === 'h2') return 'h3';
  if (block === 'h3') return null;
  return 'h1';
}

export function $toggleHeading(current: BlockKind): void {
  const tag = nextHeading(current);
  $setBlocks(() => (tag === null ? $createParagraphNode() : $createHeadingNode(tag)));
}

export function $toggleQuote(current: BlockKind): void {
  $setBlocks(() => (current === 'quote' ? $createParagraphNode() : $createQuoteNode()));
}

function $isEmptyParagraph(node: LexicalNode | null): node is ParagraphNode {
  return $isParagraphNode(node) && node.getChildrenSize() === 0;
}

/**
 * Insert `text` as an H2 followed by an empty paragraph holding the caret.
 *
 * Where: next to the top-level block holding the caret, never splitting a sentence or a
 * list: before it when the caret is at its very start, after it otherwise. An empty
 * paragraph at the caret is reused as the paragraph below the heading. Without a
 * selection (the editor was never focused) the question goes at the end of the note.
 */
export function $insertQuestion(text: string): void {
  const root = $getRoot();
  const heading = $createHeadingNode('h2');
  heading.append($createTextNode(text));

  const selection = $getSelection();
  const focusNode = $isRangeSelection(selection) ? selection.focus.getNode() : null;
  const block = focusNode === null || focusNode.is(root) ? null : focusNode.getTopLevelElement();

  let paragraph: ElementNode;
  if (block === null) {
    const last = root.getLastChild();
    if ($isEmptyParagraph(last)) {
      paragraph = last;
      last.insertBefore(heading);
    } else {
      paragraph = $createParagraphNode();
      root.append(heading, paragraph);
    }
  } else if ($isEmptyParagraph(block)) {
    paragraph = block;
    block.insertBefore(heading);
  } else if ($isRangeSelection(selection) && selection.isCollapsed() && isAtStartOf(selection.focus, block)) {
    paragraph = $createParagraphNode();
    block.insertBefore(heading);
    heading.insertAfter(paragraph);
  } else {
    const after = block.getNextSibling();
    if ($isEmptyParagraph(after)) {
      paragraph = after;
      after.insertBefore(heading);
    } else {
      paragraph = $createParagraphNode();
      block.insertAfter(heading);
      heading.insertAfter(paragraph);
    }
  }
  paragraph.select();
}

function isAtStartOf(point: { getNode(): LexicalNode; offset: number }, block: ElementNode): boolean {
  if (point.offset !== 0) return false;
  let node: LexicalNode | null = point.getNode();
  while (node !== null && !node.is(block)) {
    if (node.getPreviousSibling() !== null) return false;
    node = node.getParent();
  }
  return node !== null;
}
