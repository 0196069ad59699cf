import { AppError } from '@shared/errors';
import { registerFlusher } from '../workspace/pending-saves';

/**
 * Editor saves that survive a full disk. A save the vault refused because the disk is full (or
 * because the vault locked, or the main process could not be reached) is kept here and tried again
 * until it goes through: the editor's content stays in memory, nothing is dropped, and the coach is
 * told once why. Per target (a session's note, its map) only the newest content is kept, and saves
 * of one target never overlap, so an older retry can never land after a newer save.
 *
 * Module-level on purpose: a save waiting here outlives the editor that made it (leaving the
 * session, a lock), and goes through once the vault is open and the disk has room again.
 */
export const RETRY_MS = 3000;

type Send = () => Promise<unknown>;

interface Hooks {
  /** A save failed: say why (the one sentence). */
  onError: (caught: unknown) => void;
  /** A save that had failed went through: the sentence can go. */
  onRecovered: () => void;
}

interface Slot {
  next: Send | null;
  failed: Send | null;
  inFlight: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  hooks: Hooks;
  waiters: Array<() => void>;
}

const slots = new Map<string, Slot>();

/** Worth trying again: the disk may get room, the vault may be unlocked, the process may answer. */
function retryable(caught: unknown): boolean {
  if (!(caught instanceof AppError)) return true;
  return caught.code === 'disk-full' || caught.code === 'locked' || caught.code === 'internal';
}

function settle(slot: Slot): void {
  if (slot.inFlight || slot.next || slot.failed) return;
  for (const resolve of slot.waiters.splice(0)) resolve();
}

function pump(key: string): void {
  const slot = slots.get(key);
  if (!slot || slot.inFlight) return;
  const job = slot.next ?? slot.failed;
  if (!job) return settle(slot);
  const wasFailing = slot.failed !== null;
  slot.next = null;
  slot.failed = null;
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.inFlight = true;
  job().then(
    () => {
      slot.inFlight = false;
      if (wasFailing) slot.hooks.onRecovered();
      if (slot.next) pump(key);
      else {
        settle(slot);
        slots.delete(key);
      }
    },
    (caught: unknown) => {
      slot.inFlight = false;
      slot.hooks.onError(caught);
      if (retryable(caught) && !slot.next) {
        slot.failed = job;
        slot.timer = setTimeout(() => pump(key), RETRY_MS);
      }
      if (slot.next) pump(key);
      else settle(slot);
    },
  );
}

/** Save `key` with `send`; a newer save of the same key replaces any that is waiting. */
export function retryingSave(key: string, send: Send, hooks: Hooks): void {
  let slot = slots.get(key);
  if (!slot) {
    slot = { next: null, failed: null, inFlight: false, timer: null, hooks, waiters: [] };
    slots.set(key, slot);
  }
  slot.hooks = hooks;
  slot.next = send;
  pump(key);
}

/**
 * Tries every waiting save once more and waits for saves in flight (at most `waitMs` for one that
 * keeps failing: it stays here and is tried again later).
 */
export async function trySavesAgain(waitMs = 1500): Promise<void> {
  await Promise.all(
    [...slots.entries()].map(([key, slot]) => {
      const done = new Promise<void>((resolve) => slot.waiters.push(resolve));
      pump(key);
      return Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]);
    }),
  );
}

/** How many editors' latest content is not in the vault yet (each waiting to be tried again, or on its way). */
export function unsavedCount(): number {
  return [...slots.values()].filter((slot) => slot.failed || slot.next || slot.inFlight).length;
}

/** Before a lock or a close: a save still failing does not hold a lock up; it is tried after the unlock. */
registerFlusher(() => trySavesAgain());
