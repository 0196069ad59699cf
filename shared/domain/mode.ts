import type { WayOfWorking } from './working-style';

/** What the session screen shows: the coach switches between these during a session. */
export const SESSION_MODES = ['notes', 'map', 'prompts'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

const MODE_FOR_WAY: Readonly<Record<WayOfWorking, SessionMode>> = {
  talk: 'notes',
  draw: 'map',
  challenge: 'prompts',
};

const WAY_FOR_MODE: Readonly<Record<SessionMode, WayOfWorking>> = {
  notes: 'talk',
  map: 'draw',
  prompts: 'challenge',
};

/** The mode a session opens in, from the coachee's preferred way of working. */
export function modeForWayOfWorking(way: WayOfWorking): SessionMode {
  return MODE_FOR_WAY[way];
}

/** The way of working a mode stands for (the inverse of modeForWayOfWorking). */
export function wayOfWorkingForMode(mode: SessionMode): WayOfWorking {
  return WAY_FOR_MODE[mode];
}

export const MODE_LABELS: Readonly<Record<SessionMode, string>> = {
  notes: 'Talk-through notes',
  map: 'System map',
  prompts: 'Challenge prompts',
};

/** The key that switches to each mode (the session screen decides which modifier goes with it). */
export const MODE_SHORTCUT_KEYS: Readonly<Record<SessionMode, '1' | '2' | '3'>> = {
  notes: '1',
  map: '2',
  prompts: '3',
};
