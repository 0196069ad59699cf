import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';

const web = targets().find((target) => target.name === 'web')!;
const BACKUP_PASSPHRASE = 'juniper ferry 83 slowly tide';

/**
 * From Settings, a backup merged into the open vault: a coachee deleted since the backup comes back,
 * and the sidebar and home show them at once, without the coach navigating.
 */
describe('merging a backup from Settings', () => {
  let app: RunningApp;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'confidante-merge-backups-'));
    app = await web.launch();
    await createVault(app.page);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('brings a deleted coachee back into the list as soon as the merge is done', async () => {
    const { page } = app;
    const core = app.preview!.core;
    const lena = core.repos.coachees.create({ name: 'Lena Fischer', role: 'CFO' });
    core.repos.sessions.create({ coacheeId: lena.id, walkAwayWith: 'A budget story the board believes' });
    await core.backups.updateConfig({ folder, passphrase: BACKUP_PASSPHRASE });
    await core.backups.whenIdle();
    core.backups.runNow();
    await core.backups.whenIdle();
    expect(core.backups.overview().backups[0]?.drill.state).toBe('verified');
    core.repos.coachees.delete(lena.id);
    await page.reload();
    const sidebar = page.getByRole('navigation', { name: 'Coachees' });
    await sidebar.getByText('No coachees yet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await dialog.getByLabel('Folder with your backups').fill(folder);
    await dialog.getByRole('button', { name: 'Look in this folder' }).click();
    await dialog.getByRole('group', { name: 'Backups in this folder, newest first' }).waitFor();
    await dialog.getByLabel('Backup passphrase').fill(BACKUP_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Open backup' }).click();
    await dialog.getByRole('list', { name: 'Coachees in the backup' }).getByText('Lena Fischer').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Merge into this vault' }).click();
    await dialog.getByRole('status').waitFor({ timeout: 30_000 });

    // Behind the dialogs, before anyone navigates: the list and home already show her.
    await sidebar.getByRole('button', { name: /Lena Fischer/ }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.home h1').textContent()).toBe('Your practice at a glance');
    await page.screenshot({ path: '/tmp/restore-merge.png' });
  });
});
