import { atom, getFreshUserPreferences, type TLCurrentUser, type TLUser, type TLUserPreferences, type TLUserStore } from 'tldraw';
import { colorMode, onColorMode } from '../../theme/appearance';

/*
 * tldraw's default user keeps UI preferences in localStorage (`TLDRAW_USER_DATA_v3`), shares them
 * with other tabs over a BroadcastChannel, and stamps that user's id on shapes. The vault is the
 * app's only store, so the map uses an in-memory user instead (preferences last as long as the app
 * runs) and an anonymous current user (no attribution inside the document).
 *
 * Its colour scheme is the app's: tldraw draws its own dark theme (canvas, menus, shapes) when the
 * user preference says 'dark', so every editor of this window follows the app's light or dark,
 * the coach's choice or the system's, as it changes.
 */

const preferences = atom<TLUserPreferences>('system map user preferences', { ...getFreshUserPreferences(), colorScheme: colorMode() });
onColorMode((mode) => preferences.set({ ...preferences.get(), colorScheme: mode }));

/** Passed to <Tldraw user>. */
export const MAP_USER: TLCurrentUser = {
  userPreferences: preferences,
  setUserPreferences: (next) => preferences.set(next),
};

/** Passed to createTLStore({ users }). */
export const MAP_USER_STORE: TLUserStore = {
  currentUser: atom<TLUser | null>('system map current user', null),
};
