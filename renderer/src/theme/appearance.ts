import { useSyncExternalStore } from 'react';
import type { Appearance } from '@shared/domain/settings';

/** What the screen is right now: the system's setting, or the coach's choice over it. */
export type ColorMode = 'light' | 'dark';

/*
 * One place decides light or dark for the whole window: `data-theme` on <html> switches the CSS
 * variables every screen draws with (styles/base.css), and listeners (tldraw's canvas, which keeps
 * its own theme) follow. The coach's choice lives in the vault's settings; until the vault is
 * unlocked the window follows the system, and after a lock it keeps the last choice (it is no secret).
 */

const systemDark = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
let chosen: Appearance = 'system';
const listeners = new Set<(mode: ColorMode) => void>();

export function colorMode(): ColorMode {
  if (chosen !== 'system') return chosen;
  return systemDark?.matches ? 'dark' : 'light';
}

function apply(): void {
  const mode = colorMode();
  if (document.documentElement.dataset.theme !== mode) document.documentElement.dataset.theme = mode;
  for (const listener of listeners) listener(mode);
}

/** Follow the system ('system') or hold light or dark, from now on. */
export function setAppearance(appearance: Appearance): void {
  chosen = appearance;
  apply();
}

export function currentAppearance(): Appearance {
  return chosen;
}

export function onColorMode(listener: (mode: ColorMode) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current mode, re-rendering when it changes. */
export function useColorMode(): ColorMode {
  return useSyncExternalStore(onColorMode, colorMode);
}

systemDark?.addEventListener('change', () => {
  if (chosen === 'system') apply();
});
apply();
