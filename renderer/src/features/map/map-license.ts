import { useEffect, useSyncExternalStore } from 'react';
import { licenseKeyOf, type AppSettings } from '@shared/domain/settings';
import { api } from '../../api/client';
import { TLDRAW_LICENSE_KEY_FROM_BUILD } from './license';
import { canvasIsBlocked, type TldrawLicenseState } from './license-state';

/** The license the coach's system map runs under, and what tldraw says of it. */
export interface MapLicense {
  /** The key kept in the vault ('' when none); null until the vault's settings have been read. */
  vaultKey: string | null;
  /** The key the canvas gets: the vault's, else the one built into the app, else ''. */
  key: string;
  source: 'vault' | 'build' | 'none';
  /** tldraw's verdict on `key` on this page; 'pending' while it checks (or before the settings are read). */
  state: TldrawLicenseState;
  /** tldraw's own "development" (http: or loopback page, non-production build); null while unknown. */
  isDevelopment: boolean | null;
  /** tldraw would hide its editor here: the map is shown read-only instead of mounting it. */
  blocked: boolean;
}

const BUILD_KEY = (TLDRAW_LICENSE_KEY_FROM_BUILD ?? '').trim();
const UNKNOWN: MapLicense = { vaultKey: null, key: '', source: 'none', state: 'pending', isDevelopment: null, blocked: false };

let current: MapLicense = UNKNOWN;
/** Bumped by every new key or lock, so an evaluation that finishes late cannot overwrite a newer one. */
let generation = 0;
const subscribers = new Set<() => void>();

function publish(next: MapLicense): void {
  current = next;
  for (const notify of subscribers) notify();
}

/**
 * Takes the vault's settings (at unlock, or after the key changed in Settings) and has tldraw
 * evaluate the key that applies. tldraw is loaded for it, as the map would load it anyway.
 */
export function applyMapLicenseSettings(settings: Partial<AppSettings>): void {
  const vaultKey = licenseKeyOf(settings);
  if (current.vaultKey === vaultKey) return;
  const key = vaultKey || BUILD_KEY;
  const source = vaultKey ? 'vault' : BUILD_KEY ? 'build' : 'none';
  const mine = ++generation;
  publish({ vaultKey, key, source, state: 'pending', isDevelopment: null, blocked: false });
  import('./tldraw-license')
    .then(({ evaluateMapLicense }) => evaluateMapLicense(key))
    .then(
      ({ state, isDevelopment }) => {
        if (mine === generation) publish({ ...current, state, isDevelopment, blocked: canvasIsBlocked(state) });
      },
      (error: unknown) => {
        // tldraw could not even be loaded: no canvas will mount either, and it will say why.
        console.error('System map: the license could not be checked.', error);
        if (mine === generation) publish({ ...current, state: 'unlicensed' });
      },
    );
}

function forget(): void {
  generation += 1;
  publish(UNKNOWN);
}

// The core announces the vault's settings at every unlock (and after each change); a lock forgets them.
api.onEvent((event) => {
  if (event.type === 'settings-changed') applyMapLicenseSettings(event.settings);
  else if (event.type === 'vault-locked') forget();
});

let reading = false;

/** Reads the settings if no announcement has arrived yet (the event may have been missed). */
export function ensureMapLicense(): void {
  if (current.vaultKey !== null || reading) return;
  reading = true;
  api.settingsGet({}).then(
    (settings) => {
      reading = false;
      applyMapLicenseSettings(settings);
    },
    () => {
      reading = false;
    },
  );
}

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

/** The current map license; asks for the vault's settings if they have not been read since unlock. */
export function useMapLicense(): MapLicense {
  const license = useSyncExternalStore(subscribe, () => current);
  useEffect(() => ensureMapLicense(), []);
  return license;
}
