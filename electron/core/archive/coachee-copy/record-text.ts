import { escapeHtml } from '../render/escape';

/** How the coachee's record writes dates and typed text: shared by its sessions and its journey. */

// One language and calendar for the whole document, whatever the coach's machine is set to.
export const dayAndTime = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
export const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
export const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
/** A calendar day (a due date, the day a goal changed) is not an instant: read and shown in UTC so no time zone moves it. */
const calendarDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function format(formatter: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** A YYYY-MM-DD day, written out ("20 February 2025"). */
export function day(yyyyMmDd: string): string {
  return format(calendarDay, `${yyyyMmDd}T00:00:00Z`);
}

/** Typed text, escaped, with its line breaks kept. */
export function text(value: string): string {
  return escapeHtml(value.trim()).replace(/\r?\n/g, '<br>');
}

/** A part of a session, under its small heading. */
export function section(className: string, title: string, body: string): string {
  return `<section class="${className}"><h3>${title}</h3>${body}</section>`;
}

/** Term and description pairs (already HTML), the empty ones left out; '' when none is left. */
export function terms(pairs: ReadonlyArray<readonly [string, string]>, className = ''): string {
  const kept = pairs.filter(([, value]) => value !== '');
  if (kept.length === 0) return '';
  return `<dl${className ? ` class="${className}"` : ''}>${kept.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}
