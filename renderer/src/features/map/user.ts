import { atom, getFreshUserPreferences, type TLCurrentUser, type TLUser, type TLUserPreferences, type TLUserStore } from 'tldraw';

/*
 * tldraw's default user keeps UI preferences in localStorage (`TLDRAW_USER_DATA_v3`), shares them
 * with other tabs over a BroadcastChannel, and stamps that user's id on shapes. The vault is the
 * app's only store, so the map uses an in-memory user instead (preferences last as long as the app
 * runs) and an anonymous current user (no attribution inside the document).
 */

const preferences = atom<TLUserPreferences>('system map user preferences', getFreshUserPreferences());

/** Passed to <Tldraw user>. */
export const MAP_USER: TLCurrentUser = {
  userPreferences: preferences,
  setUserPreferences: (next) => preferences.set(next),
};

/** Passed to createTLStore({ users }). */
export const MAP_USER_STORE: TLUserStore = {
  currentUser: atom<TLUser | null>('system map current user', null),
};
