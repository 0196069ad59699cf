import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_FULL_SENTENCE } from '../../electron/core/write-faults';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault, lock } from './support/vault-steps';
import { openCoachee } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;

const COACHEE = 'Ana Ruiz';
const CONTRACT = 'A plan for the budget talk';
const NOTE = 'Kestrel budget: she will ask for two more weeks';
const RESTORED_PASSPHRASE = 'willow signal 83 amber harbour';
const NOTES_EDITOR = 'section[aria-label="Talk-through notes"]:not([hidden]) [contenteditable="true"][aria-label="Session notes"]';

/**
 * Backups end to end, in Chromium against the real core: turn them on in Settings, close a session
 * and see it backed up and verified, with its time; then, on "a new laptop" (a fresh data folder),
 * restore it from the first screen and find the session. Screenshots of the Settings section, the
 * restore flow and the progress go to /tmp (backup-*.png).
 */
describe('backups in web', () => {
  let source: RunningApp;
  let target: RunningApp | undefined;
  const folder = mkdtempSync(join(tmpdir(), 'confidante-e2e-backups-'));
  let backupPassphrase = '';

  beforeAll(async () => {
    source = await web.launch();
    await createVault(source.page);
    // Seed through the real core behind the page: backups are under test, not the forms.
    const repos = source.preview!.core.repos;
    const coachee = repos.coachees.create({ name: COACHEE, role: 'Head of Product', organisation: 'Acme' });
    repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
    const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: CONTRACT, wayOfWorking: 'talk' });
    repos.notes.save(session.id, JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: NOTE, format: 0, style: '', mode: 'normal', detail: 0 }] }] } }), NOTE);
    await source.page.reload();
    await source.page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('turns backups on in Settings: a folder, a generated passphrase, a first backup verified', async () => {
    const { page } = source;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const section = settings.getByRole('region', { name: 'Backups' });
    await section.getByText('Off').waitFor();
    // preview:web has no folder dialog: the folder is typed.
    await section.getByLabel('Backup folder').fill(folder);
    backupPassphrase = (await section.getByTestId('generated-backup-passphrase').textContent()) ?? '';
    expect(backupPassphrase).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await section.getByText('Backups are locked with a passphrase of their own').waitFor();
    await section.getByLabel('I have written it down, with my recovery code').check();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/backup-settings-setup.png' });
    await section.getByRole('button', { name: 'Turn on backups' }).click();

    // The first backup runs at once, in the background.
    await section.getByTestId('backup-status').getByText(/Verified today at \d{1,2}:\d{2}/).waitFor({ timeout: 60_000 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/backup-settings.png' });
    expect(readdirSync(folder)).toHaveLength(1);

    // A larger vault takes a few seconds: the progress shows, and the coach can cancel.
    const repos = source.preview!.core.repos;
    const earlier = repos.coachees.create({ name: 'Bea Lindqvist', role: 'Director' });
    for (let i = 0; i < 1500; i++) {
      const session = repos.sessions.create({ coacheeId: earlier.id, walkAwayWith: `Earlier session ${i}`, startedAt: new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString() });
      repos.notes.save(session.id, '{"root":{}}', `notes ${i} `.repeat(200));
      repos.sessions.end(session.id, { outcome: 'yes', outcomeWords: '' });
    }
    await section.getByRole('button', { name: 'Back up now' }).click();
    const progress = section.getByRole('progressbar', { name: 'Backup progress' });
    await progress.waitFor({ timeout: 30_000 });
    await section.getByText('Backing up…').waitFor();
    await section.screenshot({ path: '/tmp/backup-progress.png' });
    await progress.waitFor({ state: 'detached', timeout: 120_000 });
    await section.getByTestId('backup-status').getByText(/Verified today at \d{1,2}:\d{2}/).waitFor({ timeout: 60_000 });
    await settings.getByRole('button', { name: 'Close' }).click();
  });

  it('closes a session, and Settings shows its backup verified, with the time', async () => {
    const { page } = source;
    await openCoachee(page, COACHEE);
    await page.getByRole('button', { name: 'Resume session' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Backups' });
    const newest = section.getByRole('list', { name: 'Latest backups' }).getByRole('listitem').first();
    await newest.getByText('after a session').waitFor({ timeout: 60_000 });
    expect(await newest.innerText()).toMatch(/today at \d{1,2}:\d{2}[\s\S]*after a session[\s\S]*verified/i);
    await section.getByTestId('backup-status').getByText(/Verified today at \d{1,2}:\d{2}/).waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/backup-settings-after-session.png' });
    // The folder holds only encrypted files with neutral names.
    for (const name of readdirSync(folder)) expect(name).toMatch(/^confidante-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.confidante\.age$/);
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
    expect(foreignRequests(source)).toEqual([]);
  });

  it('a full disk during autosave: the sentence is shown, the text stays, and it is saved once there is room', async () => {
    const { page } = source;
    const core = source.preview!.core;
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByLabel('What do you want to walk away with today?').fill('Notes while the disk is full');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator(NOTES_EDITOR).waitFor();
    const db = core.vault.db;
    // Not one free page, and no room to grow: exactly what SQLite meets on a full disk (SQLITE_FULL).
    db.exec('VACUUM');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    const typed = `Typed while the disk was full. ${'The board wants a decision by Friday. '.repeat(600)}`;
    await page.locator(NOTES_EDITOR).click();
    await page.keyboard.insertText(typed);
    const alert = page.getByRole('alert').filter({ hasText: DISK_FULL_SENTENCE });
    await alert.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/backup-disk-full.png' });
    expect(await page.locator(NOTES_EDITOR).innerText()).toContain('Typed while the disk was full.');

    // Room again: the retry saves it, and the sentence goes.
    db.pragma('max_page_count = 1073741823');
    await alert.waitFor({ state: 'detached', timeout: 30_000 });
    const sessions = core.repos.sessions.listByCoachee(core.repos.coachees.list()[0]!.id);
    const open = sessions.find((s) => s.walkAwayWith === 'Notes while the disk is full')!;
    expect(core.repos.notes.get(open.id)?.plainText).toContain('Typed while the disk was full.');
  });

  it('the unlock screen offers "Restore from a backup", with the folder and the newest verified backup', async () => {
    const { page } = source;
    await lock(page);
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor();
    // Chosen already: the newest backup known to have verified, in the folder the vault remembers.
    const chosen = page.getByRole('group', { name: 'Backups in this folder, newest first' }).getByRole('radio', { checked: true });
    await chosen.waitFor();
    expect(await page.getByLabel('Folder with your backups').inputValue()).toBe(folder);
    await page.locator('.restore__entry.is-chosen').getByText('verified').waitFor();
    await page.screenshot({ path: '/tmp/backup-unlock-restore.png' });
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
  });

  it('on a new laptop: restores the backup from the first screen into a fresh data folder, and the session is there', async () => {
    target = await web.launch();
    const { page } = target;
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByLabel('Folder with your backups').fill(folder);
    await page.getByRole('button', { name: 'Look in this folder' }).click();
    await page.getByRole('group', { name: 'Backups in this folder, newest first' }).waitFor();
    await page.getByLabel('Backup passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('alert').getByText('That passphrase does not open this archive.').waitFor({ timeout: 30_000 });
    await page.getByLabel('Backup passphrase').fill(backupPassphrase);
    await page.getByRole('button', { name: 'Open backup' }).click();

    const preview = page.getByRole('form', { name: 'What the backup holds' });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getByRole('list', { name: 'Coachees in the backup' }).innerText()).toContain(COACHEE);
    expect(await preview.innerText()).toMatch(/2 coachees, 1,?50[0-9] sessions, the newest session on/);
    await page.getByLabel('New vault passphrase', { exact: true }).fill(RESTORED_PASSPHRASE);
    await page.getByLabel('Confirm new vault passphrase').fill(RESTORED_PASSPHRASE);
    await page.screenshot({ path: '/tmp/backup-restore-preview.png' });
    await page.getByRole('button', { name: 'Restore', exact: true }).click();

    const code = (await page.getByTestId('recovery-code').textContent({ timeout: 60_000 })) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await page.getByLabel('I have saved it').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();

    await openCoachee(page, COACHEE);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(CONTRACT).waitFor();
    await page.screenshot({ path: '/tmp/backup-restored.png' });
    expect(foreignRequests(target)).toEqual([]);
  });
});
