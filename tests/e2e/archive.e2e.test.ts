import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';

const web = targets().find((target) => target.name === 'web')!;

/** Where the preview:web server writes exports: its private folder, removed when it closes. */
const exportDirOf = (app: RunningApp): string => app.preview!.exportDir;

/**
 * Export the vault as an encrypted archive from one web app, import it into a second, fresh one.
 * The topbar's "Back up vault" and "Import archive" buttons open the dialogs for the whole vault.
 */
describe('encrypted archives in web', () => {
  let source: RunningApp;
  let target: RunningApp;
  let archivePath = '';
  let generated = '';

  beforeAll(async () => {
    source = await web.launch();
    await createVault(source.page);
    // Seed through the real core behind the page: the archive feature is under test, not the forms.
    const repos = source.preview!.core.repos;
    const coachee = repos.coachees.create({ name: 'Ana Ruiz', role: 'Head of Product', organisation: 'Acme' });
    repos.boundaryChecks.save(coachee.id, { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
    const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'A plan for the budget talk', startedAt: '2025-03-03T09:00:00.000Z' });
    repos.notes.save(session.id, JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Kestrel budget', format: 1 }] }] } }), 'Kestrel budget');
    repos.observations.create({ sessionId: session.id, kind: 'observation', text: 'Energy rose when talking about the team' });
    repos.actions.create({ sessionId: session.id, what: 'Book the budget meeting', owner: 'coachee', dueDate: '2025-03-20' });
  });
  afterAll(async () => {
    for (const app of [source, target]) {
      if (!app) continue;
      await app.close();
    }
  });

  it('exports the whole vault with a generated passphrase, showing progress, into the export folder', async () => {
    const { page } = source;
    await page.getByRole('button', { name: 'Back up vault' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up the vault' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await dialog.getByText('The whole vault').waitFor();

    // The whole vault is a backup only: a copy meant for one coachee is never everyone's notes.
    await dialog.getByText('A backup holds everything, including your private observations').waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(0);
    expect(await dialog.getByText(/Coachee copy/).count()).toBe(0);

    await dialog.getByRole('button', { name: 'Generate' }).click();
    generated = (await dialog.getByTestId('generated-passphrase').textContent()) ?? '';
    expect(generated).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect(await dialog.getByLabel('Archive passphrase', { exact: true }).inputValue()).toBe(generated);
    expect(await dialog.getByLabel('Confirm archive passphrase').inputValue()).toBe(generated);

    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // scrypt at age's work factor takes about a second: the progress bar is there meanwhile.
    await dialog.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    const result = dialog.getByRole('status').filter({ hasText: 'Saved the encrypted archive to' });
    await result.waitFor({ timeout: 60_000 });

    const files = readdirSync(exportDirOf(source));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^confidante-vault-backup-\d{4}-\d{2}-\d{2}\.confidante\.age$/);
    archivePath = join(exportDirOf(source), files[0]!);
    expect(await result.textContent()).toContain(archivePath);
    expect(statSync(archivePath).size).toBeGreaterThan(1000);

    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(foreignRequests(source)).toEqual([]);
  });

  it('imports it into a second, fresh app after a preview', async () => {
    expect(existsSync(archivePath)).toBe(true);
    target = await web.launch();
    await createVault(target.page);
    const { page } = target;
    await page.getByRole('button', { name: 'Import archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import archive' });
    await dialog.waitFor();

    await dialog.getByLabel('Archive file').setInputFiles(archivePath);
    await dialog.getByLabel('Archive passphrase').fill('not the passphrase at all');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('alert').getByText('That passphrase does not open this archive.').waitFor({ timeout: 30_000 });

    await dialog.getByLabel('Archive passphrase').fill(generated);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('region', { name: 'What the archive holds' });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toContain('Ana Ruiz');
    expect(await preview.textContent()).toContain('A plan for the budget talk');
    await preview.getByText('Nothing in this archive is in your vault yet.').waitFor();

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status').getByText(/^Imported 1 coachee, 1 session, 1 note, 1 action, 1 private observation and 1 boundary check\.$/).waitFor();

    const repos = target.preview!.core.repos;
    const [coachee] = repos.coachees.list();
    expect(coachee).toMatchObject({ name: 'Ana Ruiz', role: 'Head of Product', organisation: 'Acme' });
    const [session] = repos.sessions.listByCoachee(coachee!.id);
    expect(session?.walkAwayWith).toBe('A plan for the budget talk');
    expect(repos.notes.get(session!.id)?.plainText).toBe('Kestrel budget');
    expect(repos.observations.listBySession(session!.id).map((o) => o.text)).toEqual(['Energy rose when talking about the team']);
    expect(foreignRequests(target)).toEqual([]);
  });
});
