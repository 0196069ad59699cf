import type { Action } from '@shared/domain/action';
import type { Coachee } from '@shared/domain/coachee';
import type { Observation } from '@shared/domain/observation';
import type { PromptAnswer } from '@shared/domain/prompt';
import type { Session } from '@shared/domain/session';
import type { ArchiveContent } from '../content';

/**
 * Plain Markdown summaries for people without Confidante: one per session (contract, outcome,
 * prompts and answers, actions, and in a backup the private observations), and an index of
 * coachees and sessions. Text is written as typed: these are for reading, not for re-import.
 */

const WAYS = { talk: 'Talk-through notes', draw: 'System map', challenge: 'Challenge prompts' } as const;
const OUTCOMES = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;
const STATUS = { open: 'open', done: 'done', carried: 'carried over', dropped: 'dropped' } as const;

function when(timestamp: string | null): string {
  if (!timestamp) return '—';
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function section(title: string, body: string): string {
  return body.trim() ? `## ${title}\n\n${body.trim()}\n` : '';
}

/** One session and what belongs to it. */
export interface SessionParts {
  session: Session;
  coachee: Coachee | undefined;
  answers: readonly PromptAnswer[];
  actions: readonly Action[];
  observations: readonly Observation[];
  hasNote: boolean;
  hasMap: boolean;
  /** Whether map.svg is there: tldraw's picture of the map as it is (see map-pictures.ts). */
  hasMapPicture: boolean;
}

export function sessionMarkdown({ session, coachee, answers, actions, observations, hasNote, hasMap, hasMapPicture }: SessionParts): string {
  const facts = [
    `- Coachee: ${coachee?.name ?? 'unknown'}`,
    `- Started: ${when(session.startedAt)}`,
    `- Ended: ${session.endedAt ? when(session.endedAt) : 'not ended'}`,
    `- Time box: ${session.timeBoxMinutes} minutes`,
    `- Way of working: ${WAYS[session.wayOfWorking]}`,
    `- Challenge intensity: ${session.challengeIntensity}`,
  ].join('\n');
  const outcome = session.outcome ? `${OUTCOMES[session.outcome]}${session.outcomeWords ? ` — ${session.outcomeWords}` : ''}` : '';
  const prompts = answers
    .map((a) => `### ${a.promptText}\n\n_${a.category}, ${a.intensity}; asked ${when(a.askedAt)}_\n\n${a.answer.trim() || '(no answer recorded)'}`)
    .join('\n\n');
  const agreed = actions
    .map((a) => `- [${a.status === 'done' ? 'x' : ' '}] ${a.what} — ${a.owner}${a.dueDate ? `, due ${a.dueDate}` : ''} (${STATUS[a.status]})`)
    .join('\n');
  const privateNotes = observations.map((o) => `- ${o.kind === 'disclosure' ? 'Self-disclosure' : 'Observation'}: ${o.text}`).join('\n');
  const fileList = [
    hasNote ? '- note.md, note.html: the session notes; note.lexical.json: the same notes as Confidante stores them' : '',
    hasMap && hasMapPicture ? '- map.svg: the system map as a picture (the SVG tldraw made of it)' : '',
    hasMap ? '- map.tldraw.json: the map as Confidante (tldraw) stores it' : '',
  ]
    .filter(Boolean)
    .join('\n');

  return [
    `# Session with ${coachee?.name ?? 'unknown'}, ${when(session.startedAt)}\n\n${facts}\n`,
    section('What they want to walk away with', session.walkAwayWith),
    section('Boundaries for today', session.boundariesToday),
    section('Outcome', outcome),
    section('Summary', session.summary),
    section('Prompts and answers', prompts),
    section('Actions', agreed),
    section('Private observations (the coach’s own notes)', privateNotes),
    section('Files in this folder', fileList),
  ]
    .filter(Boolean)
    .join('\n');
}

function profile(coachee: Coachee): string {
  const fields: Array<[string, string]> = [
    ['Role', coachee.role],
    ['Organisation', coachee.organisation],
    ['Relationship', coachee.relationshipKind],
    ['Ambitions', coachee.ambitions],
    ['Current projects', coachee.currentProjects],
    ['Obstacles', coachee.obstacles],
    ['Support wanted', coachee.supportWanted],
    ['Note', coachee.note],
  ];
  return fields
    .filter(([, value]) => value.trim())
    .map(([label, value]) => `- ${label}: ${value.replace(/\n/g, ' ')}`)
    .join('\n');
}

/** index.md: who and what the archive holds, with links to each session's folder. */
export function indexMarkdown(content: ArchiveContent, folders: ReadonlyMap<string, string>): string {
  const parts = [`# ${content.scope.label}\n\nExported from Confidante ${content.appVersion} on ${when(content.createdAt)}.\n`];
  for (const coachee of content.coachees) {
    const sessions = content.sessions
      .filter((s) => s.coacheeId === coachee.id)
      .map((s) => `- [${when(s.startedAt)} — ${s.walkAwayWith.replace(/\n/g, ' ')}](${folders.get(s.id)}/session.md)`)
      .join('\n');
    parts.push(`## ${coachee.name}\n\n${profile(coachee) || '(no profile recorded)'}\n\n### Sessions\n\n${sessions || '(none in this archive)'}\n`);
  }
  if (content.customPrompts.length > 0) {
    parts.push(`## Custom prompts\n\n${content.customPrompts.map((p) => `- ${p.text} (${p.category}, ${p.intensity})`).join('\n')}\n`);
  }
  return parts.join('\n');
}
