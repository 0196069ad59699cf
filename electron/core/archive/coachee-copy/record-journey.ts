import { RATING_MAX, type FeedbackGiven, type Goal, type ProgressRating, type SessionFeedback } from '@shared/domain/journey';
import type { Session } from '@shared/domain/session';
import { GOAL_STATUS_NAMES } from '@shared/journey/labels';
import { goalsInOrder } from '@shared/journey/model';
import { escapeHtml } from '../render/escape';
import type { JOURNEY_PICTURE_FILES } from '../journey-pictures';
import { day, format, section, shortDay, terms, text } from './record-text';

/**
 * The journey in the coachee's record: their goals with the ratings they gave each, the journey's
 * pictures with their descriptions and tables, and, per session, the feedback given both ways.
 * All of it is the coachee's own material; none of it comes from the coach's private side.
 */

/** One of the journey's pictures, as the record shows it: the file beside record.html, and its words. */
export interface RecordPicture {
  key: keyof typeof JOURNEY_PICTURE_FILES;
  /** Its path in the zip (journey/…svg): the page turns it into a data: URL. */
  path: string;
  title: string;
  description: string;
  table: { columns: readonly string[]; rows: ReadonlyArray<readonly string[]> };
}

export interface RecordJourney {
  goals: readonly Goal[];
  ratings: readonly ProgressRating[];
  feedbackGiven: readonly FeedbackGiven[];
  sessionFeedback: readonly SessionFeedback[];
  /** Only the pictures the zip holds (a picture with nothing to draw is not made). */
  pictures: readonly RecordPicture[];
}

/** Where a session sits in the record: its number (and anchor, #session-N) and its start. */
interface Place {
  index: number;
  startedAt: string;
}

function ratingItem(rating: ProgressRating, place: Place): string {
  const words = rating.words.trim() ? `<q class="rating-words">${text(rating.words)}</q>` : '<span class="rating-words muted">No words recorded.</span>';
  // The bar is the number drawn (decoration): the number itself is the text.
  const score = `<span class="rating-score"><span class="rating-bar rating-bar--${Math.round(rating.rating)}" aria-hidden="true"></span><strong>${rating.rating}</strong>/${RATING_MAX}</span>`;
  return `<li class="rating"><a class="rating-when" href="#session-${place.index}">Session ${place.index} · ${format(shortDay, place.startedAt)}</a>${score}${words}</li>`;
}

/** In play, or paused, achieved or let go: then with its day and why. */
function goalStatus(goal: Goal): { status: string; why: string } {
  const name = `<span class="goal-pill goal-pill--${goal.status}">${GOAL_STATUS_NAMES[goal.status]}</span>`;
  if (goal.status === 'active') return { status: `<p class="goal-status">${name}</p>`, why: '' };
  const when = goal.statusOn ? ` on ${day(goal.statusOn)}` : '';
  return { status: `<p class="goal-status">${name}${when}</p>`, why: goal.statusWhy.trim() ? `<p class="goal-why">${text(goal.statusWhy)}</p>` : '' };
}

function goalArticle(goal: Goal, number: number, rated: ReadonlyArray<{ rating: ProgressRating; place: Place }>): string {
  const id = `goal-${number}`;
  const success = goal.successLooksLike.trim() ? `<p class="goal-success"><span>Success looks like</span> ${text(goal.successLooksLike)}</p>` : '';
  const ratings =
    rated.length === 0
      ? '<p class="goal-unrated muted">Not rated in this record.</p>'
      : `<ol class="ratings" aria-label="How you rated your progress">${rated.map(({ rating, place }) => ratingItem(rating, place)).join('')}</ol>`;
  const { status, why } = goalStatus(goal);
  return `<article class="goal goal--${goal.status}" id="${id}" aria-labelledby="${id}-title"><header class="goal-head"><h3 id="${id}-title">${text(goal.title)}</h3>${status}</header>${why}${success}${ratings}</article>`;
}

/** "Your goals": goals in play first, each with every rating the record holds, oldest first. */
export function goalsSection(journey: RecordJourney, sessions: readonly Session[]): string {
  if (journey.goals.length === 0) return '';
  const places = new Map(sessions.map((session, i) => [session.id, { index: i + 1, startedAt: session.startedAt }]));
  const byGoal = new Map<string, Array<{ rating: ProgressRating; place: Place }>>();
  for (const rating of journey.ratings) {
    const place = places.get(rating.sessionId);
    if (!place) continue;
    const list = byGoal.get(rating.goalId);
    if (list) list.push({ rating, place });
    else byGoal.set(rating.goalId, [{ rating, place }]);
  }
  const goals = goalsInOrder(journey.goals)
    .map((goal, i) => goalArticle(goal, i + 1, (byGoal.get(goal.id) ?? []).sort((a, b) => a.place.index - b.place.index)))
    .join('\n');
  return `<section class="part goals" id="goals" aria-labelledby="goals-title">
<h2 id="goals-title">Your goals</h2>
<p class="part-intro">What you are working towards, in your own words, and how you rated your progress on each at the end of a session, from 1 to ${RATING_MAX}.</p>
${goals}
</section>`;
}

// The pictures' tables are the journey page's, written about the coachee; the record speaks to them.
const YOUR_VOICE: Readonly<Record<string, string>> = {
  'In their words': 'In your words',
  'They wanted to walk away with': 'What you wanted to walk away with',
};

function pictureTable(picture: RecordPicture): string {
  const { columns, rows } = picture.table;
  // A column of counts or ratings ("—" for none) is set right-aligned, its heading too; a column of days is never broken.
  const every = (i: number, pattern: RegExp) => rows.length > 0 && rows.every((row) => pattern.test(row[i] ?? ''));
  const kinds = columns.map((_, i) => (every(i, /^(\d+|—)$/) ? ' class="num"' : every(i, /^\d{1,2} \S+ \d{4}$/) ? ' class="day"' : ''));
  const kind = (i: number) => kinds[i] ?? '';
  // "Rating (1–10)" may wrap before its parenthesis, never inside it.
  const heading = (column: string) => escapeHtml(YOUR_VOICE[column] ?? column).replace(/\([^)]*\)/g, (part) => `<span class="keep">${part}</span>`);
  const head = columns.map((column, i) => `<th scope="col"${kind(i)}>${heading(column)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((value, i) => `<td${kind(i)}>${text(value)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${escapeHtml(picture.title)}, as a table</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * "Your journey in pictures": each picture with its description under it and its table after it.
 * The table is what a printed copy shows below the picture; on screen the page folds it behind a
 * "Show as a table" button (renderer/src/coachee-copy/main.ts).
 */
export function picturesSection(pictures: readonly RecordPicture[]): string {
  if (pictures.length === 0) return '';
  const blocks = pictures
    .map(
      (picture) => `<div class="chart" id="picture-${picture.key}">
<figure><img src="${escapeHtml(picture.path)}" alt="${escapeHtml(picture.title)}"><figcaption><strong>${escapeHtml(picture.title)}.</strong> ${escapeHtml(picture.description)}</figcaption></figure>
<div class="chart-data" id="picture-${picture.key}-table">${pictureTable(picture)}</div>
</div>`,
    )
    .join('\n');
  return `<section class="part journey" id="journey" aria-labelledby="journey-title">
<h2 id="journey-title">Your journey in pictures</h2>
<p class="part-intro">Your sessions, drawn: how your ratings moved, when you met and how each session ended, and what became of the actions you agreed.</p>
${blocks}
</section>`;
}

/** The titles of the coachee's goals, for the actions that serve one. */
export function goalTitles(journey: RecordJourney): Map<string, string> {
  return new Map(journey.goals.map((goal) => [goal.id, goal.title]));
}

/** Feedback the coach gave in the session: situation, behaviour, impact, and how the coachee took it. */
export function coachFeedback(items: readonly FeedbackGiven[]): string {
  const blocks = items
    .map((item) =>
      terms(
        [
          ['Situation', text(item.situation)],
          ['Behaviour', text(item.behaviour)],
          ['Impact', text(item.impact)],
          ['Your response', text(item.response)],
        ],
        'sbi',
      ),
    )
    .filter(Boolean);
  return blocks.length === 0 ? '' : section('feedback', 'Feedback from your coach', blocks.join(''));
}

/** What the coachee said of the session at close-out. */
export function yourFeedback(item: SessionFeedback | undefined): string {
  if (!item) return '';
  const body = terms(
    [
      ['What helped', text(item.helped)],
      ['What to change next time', text(item.changeNext)],
    ],
    'reflection',
  );
  return body ? section('your-feedback', 'Your feedback on the session', body) : '';
}
