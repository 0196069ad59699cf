import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachCalls } from '@shared/ipc/api';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { AppCore } from '../../../electron/core/app-core';
import { GOOD_PASSPHRASE, TEST_KDF, tempDir } from '../../support/temp-vault';

/**
 * The sidebar's list is sent on every unlock: only what the sidebar shows goes to the window, not
 * each coachee's whole profile (a thousand of them in a ten-year practice).
 */
describe('coacheeList', () => {
  let core: AppCore;
  let cleanup: () => void;
  const files = { appVersion: '0.0.0-test', saveFile: async () => ({ saved: false, path: null }), chooseDestination: async () => null };

  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
    await core.vault.create(GOOD_PASSPHRASE);
    core.afterUnlock();
    const maya = core.repos.coachees.create({ name: 'Maya Lindqvist', role: 'Head of Product', organisation: 'Northwind', ambitions: 'PROFILESENTINEL lead the platform team' });
    core.repos.sessions.create({ coacheeId: maya.id, walkAwayWith: 'A plan', startedAt: '2026-11-02T09:00:00.000Z' });
    core.repos.coachees.create({ name: 'Omar Haddad', note: 'PROFILESENTINEL private note' });
  });
  afterAll(() => {
    core.lock('user');
    cleanup();
  });

  it('sends each coachee\'s name, role, organisation, archive date and last session, and nothing of the profile', async () => {
    const envelope = await dispatch(coachCalls, createCoachHandlers(core, files), 'coacheeList', {});
    expect(envelope.ok).toBe(true);
    const rows = (envelope as { ok: true; value: Record<string, unknown>[] }).value;
    expect(rows.map((row) => row.name)).toEqual(['Maya Lindqvist', 'Omar Haddad']);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['archivedAt', 'id', 'lastSessionAt', 'name', 'organisation', 'role']);
    expect(rows[0]).toMatchObject({ role: 'Head of Product', organisation: 'Northwind', lastSessionAt: '2026-11-02T09:00:00.000Z', archivedAt: null });
    expect(JSON.stringify(rows)).not.toContain('PROFILESENTINEL');
    // Control: the repository itself still reads whole profiles (archives need them).
    expect(JSON.stringify(core.repos.coachees.list())).toContain('PROFILESENTINEL');
  });
});
