import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_FULL_SENTENCE } from '../../electron/core/write-faults';
import { targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';
import { addCoachee, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
const NOTES_EDITOR = 'section[aria-label="Talk-through notes"]:not([hidden]) [contenteditable="true"][aria-label="Session notes"]';

/**
 * Quitting while a save cannot be written (the disk is full) must not lose it: the window stays
 * open with the notes on screen and says why; once there is room the save goes through by itself,
 * and the next close goes ahead. The close request is the event the Electron shell sends; the
 * preview server records what the page answers (a browser tab has no close guard to release).
 */
describe('closing with a save the disk has no room for', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
    await addCoachee(app.page, { name: 'Tomas Berg', way: 'Talk it through' });
    await startSession(app.page, 'Decide whether to take the regional role');
    await app.page.locator(NOTES_EDITOR).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stays open, keeps the notes and says why; saves once there is room; then closes', async () => {
    const { page } = app;
    const preview = app.preview!;
    const db = preview.core.vault.db;
    db.exec('VACUUM');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    const typed = `Written while the disk was full. ${'She wants the move but not the travel. '.repeat(400)}`;
    await page.locator(NOTES_EDITOR).click();
    await page.keyboard.insertText(typed);
    await page.getByRole('alert').filter({ hasText: DISK_FULL_SENTENCE }).waitFor({ timeout: 30_000 });

    preview.core.emit({ type: 'close-requested' });
    const dialog = page.getByRole('dialog', { name: 'Confidante stayed open' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toMatch(/One change is not saved yet: the disk is full\. Closing now would lose it\./);
    await page.screenshot({ path: '/tmp/close-unsaved-dialog.png' });
    expect(preview.closeAnswers).toEqual(['keep-open']);
    await dialog.getByRole('button', { name: 'Keep Confidante open' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(NOTES_EDITOR).innerText()).toContain('Written while the disk was full.');

    // Room again: the waiting save goes through by itself, and a close now goes ahead.
    db.pragma('max_page_count = 1073741823');
    await page.getByRole('alert').filter({ hasText: DISK_FULL_SENTENCE }).waitFor({ state: 'detached', timeout: 30_000 });
    const session = preview.core.repos.sessions.listByCoachee(preview.core.repos.coachees.list()[0]!.id)[0]!;
    expect(preview.core.repos.notes.get(session.id)?.plainText).toContain('Written while the disk was full.');
    preview.core.emit({ type: 'close-requested' });
    await expect.poll(() => preview.closeAnswers).toEqual(['keep-open', 'ready-to-close']);
  });
});
