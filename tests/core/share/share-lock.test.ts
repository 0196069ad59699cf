import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoacheeEvent } from '@shared/ipc/events';
import { AppCore } from '../../../electron/core/app-core';
import { search } from '../../../electron/core/search/search';
import { GOOD_PASSPHRASE, TEST_KDF, tempDir } from '../../support/temp-vault';

const schema = { schemaVersion: 2, sequences: {} };

describe('the shared screen and the vault', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
    await core.vault.create(GOOD_PASSPHRASE);
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  function session(): string {
    const coachee = core.repos.coachees.create({ name: 'Ana' });
    return core.repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A map' }).id;
  }

  it('locking saves the coachee\'s pending edits, blanks the coachee screen, then locks', async () => {
    const sessionId = session();
    const events: CoacheeEvent[] = [];
    core.share.onCoacheeEvent((event) => events.push(event));
    core.share.start(sessionId, { kind: 'map' }, JSON.stringify({ document: { store: {}, schema } }));
    const record = { id: 'shape:drawn-by-coachee', typeName: 'shape' as const, x: 5, props: { text: 'kingfisher' } };
    core.share.fromCoachee({ added: { [record.id]: record }, updated: {}, removed: {} });
    core.lock('curtain');
    expect(core.vault.isUnlocked).toBe(false);
    // Blank, in the coach's appearance (the vault's setting, read before it closed).
    expect(events.at(-1)).toEqual({ type: 'screen', screen: { view: { kind: 'closed' }, mapSnapshot: null, appearance: 'system' } });
    await core.vault.unlock(GOOD_PASSPHRASE);
    const saved = JSON.parse(core.repos.maps.get(sessionId)!.snapshotJson);
    expect(saved.document.store['shape:drawn-by-coachee'].x).toBe(5);
    // The words on the shared map are searchable like any map.
    expect(search(core.vault.db, 'kingfisher').map((hit) => [hit.kind, hit.sessionId])).toEqual([['map', sessionId]]);
  });
});
