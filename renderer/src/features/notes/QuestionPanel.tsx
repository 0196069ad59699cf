import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { TalkQuestion } from '@shared/decks/talk-questions';
import { HISTORY_PUSH_TAG } from 'lexical';
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { $insertQuestion } from './blocks';
import { PanelCloseIcon, PanelOpenIcon, PlusIcon } from './icons';

/** Keep the caret in the editor when a question is clicked, so it lands where the coach was. */
const keepEditorFocus = (event: MouseEvent) => event.preventDefault();

function groupByTheme(questions: readonly TalkQuestion[]): { theme: string; questions: TalkQuestion[] }[] {
  const groups = new Map<string, TalkQuestion[]>();
  for (const question of questions) {
    const group = groups.get(question.theme);
    if (group) group.push(question);
    else groups.set(question.theme, [question]);
  }
  return Array.from(groups, ([theme, items]) => ({ theme, questions: items }));
}

/**
 * The side panel of talk-through questions, grouped by theme. A click inserts the question
 * as an H2 at the caret with an empty paragraph below it (one undo step). Collapsible.
 */
export function QuestionPanel({ questions }: { questions: readonly TalkQuestion[] }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(true);
  const listId = useId();
  const headingId = useId();
  const groups = useMemo(() => groupByTheme(questions), [questions]);

  const insert = (question: TalkQuestion) => {
    editor.update(() => $insertQuestion(question.text), { tag: HISTORY_PUSH_TAG });
    editor.focus();
  };

  if (!open) {
    return (
      <aside className="tn-panel tn-panel--collapsed" aria-label="Questions">
        <button
          type="button"
          className="tn-panel__rail"
          aria-expanded={false}
          aria-label="Show questions"
          title="Show questions"
          onClick={() => setOpen(true)}
        >
          <PanelOpenIcon />
          <span className="tn-panel__rail-label">Questions</span>
        </button>
      </aside>
    );
  }

  return (
    <aside className="tn-panel" aria-labelledby={headingId}>
      <header className="tn-panel__header">
        <div>
          <h2 id={headingId} className="tn-panel__title">
            Questions
          </h2>
          <p className="tn-panel__hint">Click to add one to the notes.</p>
        </div>
        <button
          type="button"
          className="tn-panel__toggle"
          aria-expanded={true}
          aria-controls={listId}
          aria-label="Hide questions"
          title="Hide questions"
          onClick={() => setOpen(false)}
        >
          <PanelCloseIcon />
        </button>
      </header>
      <div className="tn-panel__body" id={listId}>
        {groups.map((group) => (
          <section key={group.theme} className="tn-panel__group" aria-label={group.theme}>
            <h3 className="tn-panel__theme">{group.theme}</h3>
            <ul className="tn-panel__list">
              {group.questions.map((question) => (
                <li key={question.id}>
                  <button
                    type="button"
                    className="tn-question"
                    title="Add to notes as a heading"
                    onMouseDown={keepEditorFocus}
                    onClick={() => insert(question)}
                  >
                    <span className="tn-question__text">{question.text}</span>
                    <span className="tn-question__add" aria-hidden="true">
                      <PlusIcon />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
