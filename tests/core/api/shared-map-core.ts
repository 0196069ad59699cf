import type { MapRecord } from '@shared/domain/share';
import type { AppEvent } from '@shared/ipc/events';
import { AppCore } from '../../../electron/core/app-core';
import { realisticMapSnapshot } from '../archive/map-fixture';
import { GOOD_PASSPHRASE, TEST_KDF, tempDir } from '../../support/temp-vault';

const MAP_SNAPSHOT = realisticMapSnapshot({ left: 'Ana', right: 'Her manager', note: 'Budget', text: 'Who decides?' });

/** The shared map's records by id: real tldraw records, checked by tldraw's Store when made. */
export const MAP_RECORDS: Readonly<Record<string, MapRecord>> = (JSON.parse(MAP_SNAPSHOT) as { document: { store: Record<string, MapRecord> } })
  .document.store;

export interface SharedMapCore {
  core: AppCore;
  dir: string;
  sessionId: string;
  /** What the core told the coach's window. */
  toCoach: AppEvent[];
  cleanup(): void;
}

/**
 * The real core on a real encrypted vault, unlocked, with one coachee, one session, and that
 * session's map (a realistic tldraw document) shared on the coachee's screen in the map view: the
 * state in which a coachee's map edit would be applied, relayed and saved.
 */
export async function sharedMapCore(): Promise<SharedMapCore> {
  const { dir, cleanup } = tempDir();
  const core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
  await core.vault.create(GOOD_PASSPHRASE);
  core.afterUnlock();
  const coachee = core.repos.coachees.create({ name: 'Ana' });
  const sessionId = core.repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A map of the team' }).id;
  core.share.start(sessionId, { kind: 'map' }, MAP_SNAPSHOT);
  core.share.flush();
  const toCoach: AppEvent[] = [];
  core.onEvent((event) => toCoach.push(event));
  return {
    core,
    dir,
    sessionId,
    toCoach,
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}

/** A deep copy, so a test can change a record without touching the fixture. */
export const copy = <T>(value: T): T => structuredClone(value);
