import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  BUILT_IN_PROMPTS,
  CHALLENGE_CATEGORIES,
  INTENSITY_LABELS,
  INTENSITY_ORDER,
  categoryLabel,
  intensityAtMost,
  offerablePrompts,
  type OfferedPrompt,
} from '@shared/decks/challenge-deck';
import type { CustomPrompt, PromptAnswer } from '@shared/domain/prompt';
import type { ChallengeIntensity } from '@shared/domain/working-style';
import './prompts.css';

export interface AskedPrompt {
  promptId: string;
  promptText: string;
  category: string;
  intensity: ChallengeIntensity;
}

export interface ChallengePromptsProps {
  /** The ceiling from the coachee's working style: prompts at this intensity and gentler are offered. */
  intensity: ChallengeIntensity;
  /** The coach's own prompts, from the vault. */
  custom: readonly CustomPrompt[];
  /** Prompts asked in THIS session, oldest first. */
  answers: readonly PromptAnswer[];
  /** Prompt ids asked in earlier sessions with this coachee. */
  askedBefore: ReadonlySet<string>;
  /** Records the prompt as asked; the parent then adds it to `answers`. */
  onAsk: (prompt: AskedPrompt) => Promise<void>;
  /** Called ~500 ms after the coach stops typing, and on blur, so nothing is lost. */
  onAnswer: (answerId: string, answer: string) => void;
  onAddCustom: (prompt: { category: string; intensity: ChallengeIntensity; text: string }) => Promise<void>;
  /** The prompt on offer right now (category is the id, e.g. "assumptions"), or null when there is none. */
  onCurrentPromptChange?: (prompt: { text: string; category: string } | null) => void;
}

const ANSWER_DEBOUNCE_MS = 500;

/**
 * Where the offer stands. `id` keeps the same prompt on screen while the list around it changes;
 * when that prompt leaves the list (it was asked), `index` shows the one that took its place.
 * `match` finds a prompt the coach has just added, once it arrives from the vault.
 */
interface Cursor {
  id: string | null;
  index: number;
  match?: { text: string; category: string; intensity: ChallengeIntensity };
}

function resolvePosition(offered: readonly OfferedPrompt[], cursor: Cursor): number {
  if (offered.length === 0) return -1;
  if (cursor.id !== null) {
    const byId = offered.findIndex((prompt) => prompt.id === cursor.id);
    if (byId >= 0) return byId;
  }
  const { match } = cursor;
  if (match) {
    const byText = offered.findIndex(
      (prompt) => prompt.custom && prompt.text === match.text && prompt.category === match.category && prompt.intensity === match.intensity,
    );
    if (byText >= 0) return byText;
  }
  return cursor.index % offered.length;
}

function ceilingSentence(intensity: ChallengeIntensity): string {
  const names = INTENSITY_ORDER.filter((level) => intensityAtMost(level, intensity));
  if (names.length === 1) return `Offering ${names[0]} prompts`;
  return `Offering ${names.slice(0, -1).join(', ')} and ${names.at(-1)} prompts`;
}

export function ChallengePrompts({ intensity, custom, answers, askedBefore, onAsk, onAnswer, onAddCustom, onCurrentPromptChange }: ChallengePromptsProps) {
  const [category, setCategory] = useState<string | null>(null);
  const [cursor, setCursor] = useState<Cursor>({ id: null, index: 0 });
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState('');
  const [justAsked, setJustAsked] = useState<string | null>(null);
  const promptTextId = useId();

  const askedThisSession = useMemo(() => new Set(answers.map((answer) => answer.promptId)), [answers]);
  const offered = useMemo(
    () =>
      offerablePrompts({
        builtIn: BUILT_IN_PROMPTS,
        custom,
        intensity,
        askedThisSession,
        askedBefore,
        ...(category === null ? {} : { category }),
      }),
    [custom, intensity, askedThisSession, askedBefore, category],
  );
  const position = resolvePosition(offered, cursor);
  const current = position >= 0 ? (offered[position] ?? null) : null;

  // Report what is on offer, for the shared screen. The latest callback is kept in a ref so a new
  // function from the parent on each render does not re-report the same prompt.
  const report = useRef(onCurrentPromptChange);
  useEffect(() => {
    report.current = onCurrentPromptChange;
  });
  const currentText = current?.text ?? null;
  const currentCategory = current?.category ?? null;
  useEffect(() => {
    report.current?.(currentText !== null && currentCategory !== null ? { text: currentText, category: currentCategory } : null);
  }, [currentText, currentCategory]);
  useEffect(() => {
    const reporter = report;
    return () => reporter.current?.(null);
  }, []);

  function chooseCategory(next: string | null) {
    setCategory(next);
    setCursor({ id: null, index: 0 });
  }

  function showNext() {
    if (offered.length < 2) return;
    const index = (position + 1) % offered.length;
    setCursor({ id: offered[index]?.id ?? null, index });
  }

  async function ask() {
    if (!current || asking) return;
    setAsking(true);
    setAskError('');
    try {
      await onAsk({ promptId: current.id, promptText: current.text, category: current.category, intensity: current.intensity });
      setJustAsked(current.id);
      // The asked prompt leaves the offer; the one that followed it (in the rotation) takes its place.
      const following = offered.length > 1 ? offered[(position + 1) % offered.length] : undefined;
      setCursor({ id: following?.id ?? null, index: position });
    } catch {
      setAskError('The prompt could not be recorded. Please try again.');
    } finally {
      setAsking(false);
    }
  }

  const newestFirst = [...answers].map((answer, index) => ({ answer, number: index + 1 })).reverse();
  const newest = answers.at(-1);

  return (
    <div className="prompts">
      <header className="prompts__header">
        <div>
          <p className="eyebrow">Challenge prompts</p>
          <p className="prompts__ceiling">{ceilingSentence(intensity)}</p>
        </div>
        <div className="prompts__filter" role="group" aria-label="Filter by category">
          <button type="button" className="prompts__chip" aria-pressed={category === null} onClick={() => chooseCategory(null)}>
            All
          </button>
          {CHALLENGE_CATEGORIES.map((entry) => (
            <button key={entry.id} type="button" className="prompts__chip" aria-pressed={category === entry.id} onClick={() => chooseCategory(entry.id)}>
              {entry.label}
            </button>
          ))}
        </div>
      </header>

      {current ? (
        <section className="prompts__current" aria-label="Prompt on offer">
          <div className="prompts__meta">
            <span className="prompts__tag">{categoryLabel(current.category)}</span>
            <span className={`prompts__tag prompts__tag--${current.intensity}`}>{INTENSITY_LABELS[current.intensity]}</span>
            {current.custom && <span className="prompts__tag prompts__tag--own">Your prompt</span>}
            {current.askedBefore && <span className="prompts__badge">Asked in an earlier session</span>}
          </div>
          <p className="prompts__text" id={promptTextId} aria-live="polite">
            {current.text}
          </p>
          {askError && (
            <p className="error" role="alert">
              {askError}
            </p>
          )}
          <div className="prompts__actions">
            <button type="button" className="button button--primary prompts__ask" aria-describedby={promptTextId} disabled={asking} onClick={() => void ask()}>
              Ask
            </button>
            <button type="button" className="button" disabled={offered.length < 2 || asking} onClick={showNext}>
              Next prompt
            </button>
            <span className="prompts__count">
              {position + 1} of {offered.length} on offer
            </span>
          </div>
        </section>
      ) : (
        <section className="prompts__current prompts__current--empty" aria-label="Prompt on offer">
          <p className="prompts__empty-title">
            {category === null
              ? 'You have asked every prompt at this intensity in this session.'
              : `You have asked every ${categoryLabel(category).toLowerCase()} prompt at this intensity in this session.`}
          </p>
          <p className="lede">
            {category === null ? 'Add your own prompt below, or carry on with the conversation.' : 'Choose another category, or add your own prompt below.'}
          </p>
          {category !== null && (
            <div className="prompts__actions">
              <button type="button" className="button" onClick={() => chooseCategory(null)}>
                Show all categories
              </button>
            </div>
          )}
        </section>
      )}

      <section className="prompts__session" aria-labelledby="prompts-session-title">
        <h2 id="prompts-session-title" className="prompts__section-title">
          Asked this session {answers.length > 0 && <span className="prompts__section-count">{answers.length}</span>}
        </h2>
        {answers.length === 0 ? (
          <p className="hint">Prompts you ask appear here, newest first, with room for the coachee&apos;s answer.</p>
        ) : (
          <ul className="prompts__asked">
            {newestFirst.map(({ answer, number }) => (
              <li key={answer.id} className="prompts__asked-item">
                <AnswerField answer={answer} number={number} autoFocus={answer === newest && answer.promptId === justAsked} onAnswer={onAnswer} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <AddCustomPrompt
        ceiling={intensity}
        defaultCategory={category ?? CHALLENGE_CATEGORIES[0].id}
        onAddCustom={onAddCustom}
        onAdded={(added) => {
          if (intensityAtMost(added.intensity, intensity)) {
            if (category !== null && category !== added.category) setCategory(null);
            setCursor({ id: null, index: position < 0 ? 0 : position, match: added });
          }
        }}
      />
    </div>
  );
}

interface AnswerFieldProps {
  answer: PromptAnswer;
  number: number;
  autoFocus: boolean;
  onAnswer: (answerId: string, answer: string) => void;
}

/** One asked prompt and the coachee's answer. The draft is saved after a pause in typing, on blur, and on unmount. */
function AnswerField({ answer, number, autoFocus, onAnswer }: AnswerFieldProps) {
  const [draft, setDraft] = useState(answer.answer);
  const promptId = useId();
  const saver = useRef<{ timer: ReturnType<typeof setTimeout> | null; pending: string | null; onAnswer: typeof onAnswer }>({
    timer: null,
    pending: null,
    onAnswer,
  });
  useEffect(() => {
    saver.current.onAnswer = onAnswer;
  });
  useEffect(() => {
    const state = saver.current;
    const id = answer.id;
    return () => {
      if (state.timer !== null) clearTimeout(state.timer);
      state.timer = null;
      if (state.pending !== null) state.onAnswer(id, state.pending);
      state.pending = null;
    };
  }, [answer.id]);

  function flush() {
    const state = saver.current;
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = null;
    if (state.pending === null) return;
    const value = state.pending;
    state.pending = null;
    state.onAnswer(answer.id, value);
  }

  function change(value: string) {
    setDraft(value);
    const state = saver.current;
    state.pending = value;
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = setTimeout(flush, ANSWER_DEBOUNCE_MS);
  }

  return (
    <>
      <div className="prompts__meta">
        <span className="prompts__number">Prompt {number}</span>
        <span className="prompts__tag">{categoryLabel(answer.category)}</span>
        <span className={`prompts__tag prompts__tag--${answer.intensity}`}>{INTENSITY_LABELS[answer.intensity]}</span>
      </div>
      <p className="prompts__asked-text" id={promptId}>
        {answer.promptText}
      </p>
      <label className="field prompts__answer">
        <span>Coachee&apos;s answer</span>
        <textarea
          value={draft}
          rows={3}
          autoFocus={autoFocus}
          aria-describedby={promptId}
          placeholder="What the coachee says, in their words"
          onChange={(event) => change(event.target.value)}
          onBlur={flush}
        />
      </label>
    </>
  );
}

interface AddCustomPromptProps {
  ceiling: ChallengeIntensity;
  defaultCategory: string;
  onAddCustom: ChallengePromptsProps['onAddCustom'];
  onAdded: (prompt: { category: string; intensity: ChallengeIntensity; text: string }) => void;
}

function AddCustomPrompt({ ceiling, defaultCategory, onAddCustom, onAdded }: AddCustomPromptProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [category, setCategory] = useState(defaultCategory);
  const [intensity, setIntensity] = useState<ChallengeIntensity>(ceiling);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const baseId = useId();

  function toggle() {
    if (!open) {
      setCategory(defaultCategory);
      setIntensity(ceiling);
      setMessage('');
      setError('');
    }
    setOpen(!open);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const prompt = { category, intensity, text: trimmed };
      await onAddCustom(prompt);
      setText('');
      setMessage(
        intensityAtMost(intensity, ceiling)
          ? 'Added to your prompts and shown above.'
          : `Added to your prompts. It will be offered when the intensity is ${intensity}.`,
      );
      onAdded(prompt);
    } catch {
      setError('The prompt could not be saved. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="prompts__add" aria-labelledby={`${baseId}-title`}>
      <button type="button" className="link prompts__add-toggle" aria-expanded={open} aria-controls={`${baseId}-form`} onClick={toggle} id={`${baseId}-title`}>
        Add your own prompt
      </button>
      {message && !open && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
      {open && (
        <form className="prompts__add-form" id={`${baseId}-form`} onSubmit={(event) => void submit(event)} aria-label="Add your own prompt">
          <label className="field">
            <span>Your prompt</span>
            <textarea rows={2} value={text} maxLength={400} placeholder="An open question, in your own words" onChange={(event) => setText(event.target.value)} />
          </label>
          <div className="prompts__add-row">
            <div className="field">
              <label htmlFor={`${baseId}-category`}>Category</label>
              <select id={`${baseId}-category`} value={category} onChange={(event) => setCategory(event.target.value)}>
                {CHALLENGE_CATEGORIES.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${baseId}-intensity`}>Intensity</label>
              <select id={`${baseId}-intensity`} value={intensity} onChange={(event) => setIntensity(event.target.value as ChallengeIntensity)}>
                {INTENSITY_ORDER.map((level) => (
                  <option key={level} value={level}>
                    {INTENSITY_LABELS[level]}
                  </option>
                ))}
              </select>
            </div>
            <div className="prompts__add-buttons">
              <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
                Add prompt
              </button>
              <button type="button" className="button" onClick={toggle}>
                Done
              </button>
            </div>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {message && (
            <p className="hint" role="status">
              {message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
