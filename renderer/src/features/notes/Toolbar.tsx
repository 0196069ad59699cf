import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import {
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  mergeRegister,
} from 'lexical';
import { useEffect, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { $readFormat, $toggleHeading, $toggleQuote, EMPTY_FORMAT, nextHeading, type FormatState } from './blocks';
import { BulletListIcon, CheckListIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from './icons';

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const MOD = IS_APPLE ? '⌘' : 'Ctrl+';
const REDO_HINT = IS_APPLE ? '⌘⇧Z' : 'Ctrl+Y';

/** Keep the caret in the editor when a toolbar button is clicked. */
const keepEditorFocus = (event: MouseEvent) => event.preventDefault();

function ToolButton({
  label,
  title,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tn-tool"
      aria-label={label}
      aria-pressed={pressed}
      title={title}
      disabled={disabled}
      onMouseDown={keepEditorFocus}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Arrow keys move between the toolbar's buttons (Tab still visits each of them). */
function moveAlongToolbar(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0 || buttons.length === 0) return;
  event.preventDefault();
  const to =
    event.key === 'Home' ? 0
    : event.key === 'End' ? buttons.length - 1
    : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[to]?.focus();
}

function sameFormat(a: FormatState, b: FormatState): boolean {
  return a.block === b.block && a.bold === b.bold && a.italic === b.italic;
}

/** The compact formatting bar: pressed states follow the caret. */
export function Toolbar({ editableId }: { editableId: string }) {
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<FormatState>(EMPTY_FORMAT);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readFormat, { editor });
          setFormat((prev) => (sameFormat(prev, next) ? prev : next));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (payload) => {
            setCanUndo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (payload) => {
            setCanRedo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  const { block } = format;
  const headingLevel = block === 'h1' || block === 'h2' || block === 'h3' ? block.toUpperCase() : null;
  const nextLevel = nextHeading(block);
  const toggleList = (kind: 'bullet' | 'number' | 'check') => {
    if (block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (kind === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else if (kind === 'number') editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined);
  };

  return (
    <div className="tn-toolbar" role="toolbar" aria-label="Formatting" aria-controls={editableId} onKeyDown={moveAlongToolbar}>
      <ToolButton
        label="Heading"
        title={`Heading: ${headingLevel ?? 'text'} → ${nextLevel ? nextLevel.toUpperCase() : 'text'}  (or type # , ## , ### )`}
        pressed={headingLevel !== null}
        onClick={() => editor.update(() => $toggleHeading(block))}
      >
        <span className="tn-tool__text tn-tool__text--heading">{headingLevel ?? 'H'}</span>
      </ToolButton>
      <span className="tn-toolbar__sep" aria-hidden="true" />
      <ToolButton label="Bold" title={`Bold (${MOD}B)`} pressed={format.bold} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
        <span className="tn-tool__text tn-tool__text--bold">B</span>
      </ToolButton>
      <ToolButton
        label="Italic"
        title={`Italic (${MOD}I)`}
        pressed={format.italic}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <span className="tn-tool__text tn-tool__text--italic">I</span>
      </ToolButton>
      <span className="tn-toolbar__sep" aria-hidden="true" />
      <ToolButton label="Bullet list" title="Bullet list (type - )" pressed={block === 'bullet'} onClick={() => toggleList('bullet')}>
        <BulletListIcon />
      </ToolButton>
      <ToolButton label="Numbered list" title="Numbered list (type 1. )" pressed={block === 'number'} onClick={() => toggleList('number')}>
        <NumberedListIcon />
      </ToolButton>
      <ToolButton label="Check list" title="Check list (type [] )" pressed={block === 'check'} onClick={() => toggleList('check')}>
        <CheckListIcon />
      </ToolButton>
      <ToolButton label="Quote" title="Quote (type > )" pressed={block === 'quote'} onClick={() => editor.update(() => $toggleQuote(block))}>
        <QuoteIcon />
      </ToolButton>
      <span className="tn-toolbar__sep" aria-hidden="true" />
      <ToolButton label="Undo" title={`Undo (${MOD}Z)`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <UndoIcon />
      </ToolButton>
      <ToolButton label="Redo" title={`Redo (${REDO_HINT})`} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <RedoIcon />
      </ToolButton>
    </div>
  );
}
