import type { Action } from '@shared/domain/action';
import type { Coachee } from '@shared/domain/coachee';
import type { FeedbackGiven, SessionFeedback } from '@shared/domain/journey';
import type { PromptAnswer } from '@shared/domain/prompt';
import type { Session } from '@shared/domain/session';
import type { WayOfWorking } from '@shared/domain/working-style';
import { groupBySession } from '../group-by-session';
import { escapeHtml } from '../render/escape';
import { coachFeedback, goalTitles, goalsSection, picturesSection, yourFeedback, type RecordJourney } from './record-journey';
import { dayAndTime, day, format, longDay, section, shortDay, text } from './record-text';

/**
 * The coachee's record: one HTML document, written to be read (and printed) by the coachee, not
 * by Confidante. First their goals, with the progress they rated, and the journey's pictures; then
 * the sessions in order, each with its contract, the notes, the system map, the prompts asked and
 * the answers, the feedback given both ways, the outcome in their words and the actions (with the
 * goal each serves) with their due dates. Nothing of the coach's private side is given to it: the
 * caller hands it only these parts.
 *
 * It is `record.html` in the zip of every coachee copy, beside the pictures it points to (each
 * session's map.svg, journey/*.svg), and what the coachee copy's web page shows once the
 * passphrase opened it.
 */

/** What the record shows of a session's map. */
export type RecordMap = { kind: 'picture'; path: string } | { kind: 'no-picture' } | { kind: 'none' };

export interface RecordSession {
  session: Session;
  /** The notes as HTML (Lexical's export), or plain text when Lexical could not read them; null without notes. */
  notes: { html: string } | { text: string } | null;
  map: RecordMap;
  answers: readonly PromptAnswer[];
  actions: readonly Action[];
}

export interface RecordInput {
  coachee: Coachee;
  sessions: readonly RecordSession[];
  /** Goals, ratings, feedback both ways, and the journey's pictures (record-journey.ts). */
  journey: RecordJourney;
  createdAt: string;
  /** The stylesheet the coachee copy's page uses too (copy.css), so both read alike. */
  css: string;
}

const WAYS: Record<WayOfWorking, string> = {
  talk: 'Talking it through',
  draw: 'Drawing your system (a system map)',
  challenge: 'Being challenged with questions',
};
const OUTCOMES = { yes: 'Yes', partly: 'Partly', no: 'Not this time' } as const;
const STATUS = { open: 'Open', done: 'Done', carried: 'Carried over', dropped: 'Dropped' } as const;

/** The rest of the contract (what they wanted to walk away with is the session's title). */
function contract(session: Session): string {
  const rows: Array<[string, string]> = [
    ['Way of working', escapeHtml(WAYS[session.wayOfWorking])],
    ['Time we set aside', `${session.timeBoxMinutes} minutes`],
  ];
  if (session.boundariesToday.trim()) rows.push(['Boundaries', text(session.boundariesToday)]);
  return section('contract', 'How we agreed to work', `<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`);
}

function notes(part: RecordSession['notes']): string {
  if (!part) return '';
  const body = 'html' in part ? part.html : `<p>${text(part.text)}</p>`;
  return section('notes', 'Notes', `<div class="note">${body}</div>`);
}

function map(part: RecordMap, index: number): string {
  if (part.kind === 'none') return '';
  const body =
    part.kind === 'picture'
      ? `<figure class="map"><img src="${escapeHtml(part.path)}" alt="The system map drawn in session ${index}"></figure>`
      : '<p class="muted">A system map was drawn in this session; its picture was not ready when this copy was made. Ask your coach for a new copy.</p>';
  return section('map-section', 'The system map', body);
}

function prompts(answers: readonly PromptAnswer[]): string {
  if (answers.length === 0) return '';
  const items = answers
    .map((answer) => {
      const said = answer.answer.trim() ? `<dd>${text(answer.answer)}</dd>` : '<dd class="muted">No answer was written down.</dd>';
      return `<dt>${text(answer.promptText)}</dt>${said}`;
    })
    .join('');
  return section('prompts', 'Questions and your answers', `<dl class="qa">${items}</dl>`);
}

function outcome(session: Session): string {
  if (!session.outcome) return '';
  const words = session.outcomeWords.trim() ? `<blockquote>${text(session.outcomeWords)}</blockquote>` : '';
  const verdict = `<p class="verdict verdict--${session.outcome}"><span>Did you get what you wanted to walk away with?</span> <strong>${OUTCOMES[session.outcome]}</strong></p>`;
  return section('outcome', 'The outcome, in your words', verdict + words);
}

function owner(value: string): string {
  const plain = value.trim().toLowerCase();
  if (plain === 'coachee' || plain === '') return 'You';
  if (plain === 'coach') return 'Your coach';
  return escapeHtml(value.trim());
}

/** The actions agreed, each with the goal it serves when it serves one. */
function actions(list: readonly Action[], goals: ReadonlyMap<string, string>): string {
  if (list.length === 0) return '';
  const rows = list
    .map((action) => {
      const goal = action.goalId === null ? undefined : goals.get(action.goalId);
      const what = `<span class="action-what">${text(action.what)}</span>${goal === undefined ? '' : `<span class="action-goal">For your goal: ${text(goal)}</span>`}`;
      const due = action.dueDate ? day(action.dueDate) : '<span class="muted">No date</span>';
      return `<tr class="action action--${action.status}"><td>${what}</td><td>${owner(action.owner)}</td><td>${due}</td><td>${STATUS[action.status]}</td></tr>`;
    })
    .join('');
  return section(
    'actions',
    'Actions',
    `<table><thead><tr><th scope="col">What</th><th scope="col">Who</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** What the journey adds to each session: the feedback given both ways, and the goals its actions serve. */
interface SessionJourney {
  feedbackGiven: ReadonlyMap<string, readonly FeedbackGiven[]>;
  sessionFeedback: ReadonlyMap<string, SessionFeedback>;
  goals: ReadonlyMap<string, string>;
}

function sessionArticle(part: RecordSession, index: number, journey: SessionJourney): string {
  const { session } = part;
  return `<article class="session" id="session-${index}" aria-labelledby="session-${index}-title">
<header class="session-head"><p class="session-date">Session ${index} · ${format(dayAndTime, session.startedAt)}</p><p class="session-aim">What you wanted to walk away with</p><h2 id="session-${index}-title">${text(session.walkAwayWith)}</h2></header>
${contract(session)}
${notes(part.notes)}
${map(part.map, index)}
${prompts(part.answers)}
${coachFeedback(journey.feedbackGiven.get(session.id) ?? [])}
${outcome(session)}
${actions(part.actions, journey.goals)}
${yourFeedback(journey.sessionFeedback.get(session.id))}
</article>`;
}

function contents(sessions: readonly RecordSession[], journey: RecordJourney): string {
  if (sessions.length < 2) return '';
  const parts = [
    journey.goals.length > 0 ? '<li><a href="#goals">Your goals</a></li>' : '',
    journey.pictures.length > 0 ? '<li><a href="#journey">Your journey in pictures</a></li>' : '',
  ].join('');
  const items = sessions
    .map((part, i) => `<li><a href="#session-${i + 1}"><span class="toc-date">${format(shortDay, part.session.startedAt)}</span> ${text(part.session.walkAwayWith)}</a></li>`)
    .join('');
  return `<nav class="toc" aria-label="Contents">${parts ? `<ul class="toc-parts">${parts}</ul>` : ''}<h2>Sessions</h2><ol>${items}</ol></nav>`;
}

function span(sessions: readonly RecordSession[]): string {
  const count = `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}`;
  const first = sessions[0]?.session.startedAt;
  const last = sessions.at(-1)?.session.startedAt;
  if (!first || !last) return count;
  const from = format(longDay, first);
  const to = format(longDay, last);
  return from === to ? `${count}, ${from}` : `${count}, ${from} to ${to}`;
}

/** The record's <main>: what the coachee copy's page shows. */
export function recordMain(input: RecordInput): string {
  const { journey } = input;
  const perSession: SessionJourney = {
    feedbackGiven: groupBySession(journey.feedbackGiven),
    sessionFeedback: new Map(journey.sessionFeedback.map((item) => [item.sessionId, item])),
    goals: goalTitles(journey),
  };
  const sessions = input.sessions.map((part) => part.session);
  return `<main class="record" id="record">
<header class="record-head">
<p class="eyebrow">Confidante · coaching record</p>
<h1 tabindex="-1">${escapeHtml(input.coachee.name)}: your coaching sessions</h1>
<p class="record-meta">${span(input.sessions)}. This copy was made on ${format(longDay, input.createdAt)}.</p>
</header>
${contents(input.sessions, journey)}
${goalsSection(journey, sessions)}
${picturesSection(journey.pictures)}
${input.sessions.map((part, i) => sessionArticle(part, i + 1, perSession)).join('\n')}
<footer class="record-foot"><p>This record is yours. It holds what you agreed, said and decided in your sessions; your coach's private notes are not part of it.</p></footer>
</main>`;
}

/** record.html: the record as a page of its own, for whoever opens the zip. */
export function recordHtml(input: RecordInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coaching record</title>
<style>${input.css}</style>
</head>
<body>
${recordMain(input)}
</body>
</html>
`;
}
